// Orders test files for jest's workers: the engine and plain-CLI suites (tests/e2e/) first,
// each kind in jest's own order (slowest first when it knows their times from an earlier run,
// else largest file first). Those suites take minutes each and the rest seconds, so starting
// them first lets the short files fill the workers at the end. Without this, a fresh clone
// (no recorded times) could start a minutes-long suite last and leave one worker idle.
"use strict";
const Sequencer = require("@jest/test-sequencer").default;

const E2E = /[\\/]tests[\\/]e2e[\\/]/;

class EngineSuitesFirst extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter((t) => E2E.test(t.path)), ...sorted.filter((t) => !E2E.test(t.path))];
  }
}

module.exports = EngineSuitesFirst;
