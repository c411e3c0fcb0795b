/**
 * The parts of `@microsoft/teams-ai` v1 the bot uses, imported from their own modules: the
 * package's index also loads its AI planners and model clients, which this bot does not use
 * (measured: about 15 MB more memory and slower start-up). One file, so a move to a newer Teams
 * SDK starts here.
 */
export { Application } from '@microsoft/teams-ai/lib/Application';
export { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
export { TurnState } from '@microsoft/teams-ai/lib/TurnState';
