/** The weekly picture: what the meeting records, the grade proposal, the trend and the compiled picture. */
export * from './meeting';
export * from './grading';
export * from './trend';
export * from './picture';
export * from './history';
export { compilePicture, type CompileInput } from './compile';
export * from './external';
