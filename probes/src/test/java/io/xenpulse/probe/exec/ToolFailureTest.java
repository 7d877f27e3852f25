package io.xenpulse.probe.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xenpulse.schemas.observation.SourceStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ToolFailureTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final Duration TOOK = Duration.ofMillis(20);

    @Test
    void shouldLeaveASuccessfulRunToTheCaller() {
        final ToolResult done = new ToolResult.Completed(0, "out", "warning", true, TOOK);
        assertThat(ToolFailure.of("xm list", done, TIMEOUT)).isEmpty();
    }

    @Test
    void shouldReportARefusalDownWithTheToolsOwnWordsStandardErrorFirst() {
        final ToolResult refused = new ToolResult.Completed(1, "usage", "Error: Unable to connect to xend\n", false,
                TOOK);
        assertThat(ToolFailure.of("xm list", refused, TIMEOUT))
                .contains(new ToolFailure(SourceStatus.DOWN, "Error: Unable to connect to xend"));
        final ToolResult onStdout = new ToolResult.Completed(2, "line one\nline two\n", " \n", false, TOOK);
        assertThat(ToolFailure.of("virsh list", onStdout, TIMEOUT))
                .contains(new ToolFailure(SourceStatus.DOWN, "line one | line two"));
    }

    @Test
    void shouldNameTheExitStatusOfARefusalWithoutAMessage() {
        final ToolResult silent = new ToolResult.Completed(3, "", "\n", false, TOOK);
        assertThat(ToolFailure.of("xenstore-read", silent, TIMEOUT))
                .contains(new ToolFailure(SourceStatus.DOWN, "xenstore-read exited with 3"));
    }

    @Test
    void shouldReportATimeoutHung() {
        assertThat(ToolFailure.of("xm info", new ToolResult.TimedOut(TIMEOUT), TIMEOUT))
                .contains(new ToolFailure(SourceStatus.HUNG, "xm info did not answer within 1500 ms"));
    }

    @Test
    void shouldReportAMissingOrUnstartableToolUnavailable() {
        assertThat(ToolFailure.of("xl list", new ToolResult.NotInstalled("xl"), TIMEOUT))
                .contains(new ToolFailure(SourceStatus.UNAVAILABLE, "xl is not installed"));
        assertThat(ToolFailure.of("xl list", new ToolResult.FailedToStart("Permission denied\n", TOOK), TIMEOUT))
                .contains(new ToolFailure(SourceStatus.UNAVAILABLE, "xl list could not be started: Permission denied"));
    }

    @Test
    void shouldKeepEveryDetailBoundedAndNeverOk() {
        assertThat(new ToolFailure(SourceStatus.PARSE_ERROR, "d".repeat(1000)).detail())
                .hasSize(ToolText.MAX_DETAIL);
        assertThatThrownBy(() -> new ToolFailure(SourceStatus.OK, "fine"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
