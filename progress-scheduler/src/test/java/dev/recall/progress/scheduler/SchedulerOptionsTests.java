package dev.recall.progress.scheduler;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerOptionsTests {

    @Test
    void theDefaultsLieInsideTheTrainedRangesAndTheRangesAreWhatTheModelClampsTo() {
        double[] w = SchedulerOptions.defaults().w();
        for (int i = 0; i < 21; i++) {
            double[] range = SchedulerOptions.range(i);
            assertThat(w[i]).as("w" + i).isBetween(range[0], range[1]);
        }
        double[] wild = new double[21];
        java.util.Arrays.fill(wild, 1e6);
        double[] clipped = MemoryModel.clip(wild, 1, false);
        for (int i = 0; i < 21; i++) {
            assertThat(clipped[i]).as("w" + i).isEqualTo(SchedulerOptions.range(i)[1]);
        }
    }

    @Test
    void decayIsW20ClampedSoItIsNeverZero() {
        double[] w = SchedulerOptions.defaults().w();
        assertThat(SchedulerOptions.defaults().decay()).isEqualTo(w[20]);
        w[20] = 0;
        SchedulerOptions zero = new SchedulerOptions(w, 0.9, 36500, java.util.List.of(), java.util.List.of(), true, false);
        assertThat(zero.decay()).isEqualTo(0.1);
    }
}
