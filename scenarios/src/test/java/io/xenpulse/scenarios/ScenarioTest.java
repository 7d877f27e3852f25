package io.xenpulse.scenarios;

import io.xenpulse.scenarios.harness.ScenarioRun;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** What every scenario test has: a directory for the correlator's state store, and one run, closed after it. */
abstract class ScenarioTest {

    @TempDir
    Path stateDir;

    ScenarioRun run;

    @AfterEach
    void closeRun() {
        if (run != null) {
            run.close();
        }
    }
}
