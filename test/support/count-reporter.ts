import Mocha from 'mocha';

/**
 * Mocha's spec reporter plus one closing line, `N passed, M failed`, from the runner's real
 * counts, so that CI can tell a run that executed no test from a green one.
 */
class CountReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => { passed++; });
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => { failed++; });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      // Registered after the spec reporter's own listener, so this line closes its summary.
      process.stdout.write(`${passed} passed, ${failed} failed\n`);
    });
  }
}

export = CountReporter;
