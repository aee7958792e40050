package dev.recall.progress.scheduler;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** roundTo's table of scales is exactly what StrictMath.pow gave, so every rounded value stays bit for bit the same. */
class RoundingTests {

    @Test
    void theTableOfScalesEqualsStrictMathPow() {
        double[] values = {0.1 + 0.2, 1.23456789012345, -7.000000005, 36499.999999995, 1e-9, 2.5e-8};
        for (int decimals = 0; decimals <= 24; decimals++) {
            double scale = StrictMath.pow(10, decimals);
            for (double value : values) {
                assertThat(MemoryModel.roundTo(value, decimals)).as("%s to %d decimals", value, decimals)
                        .isEqualTo(Math.round(value * scale) / scale);
            }
        }
    }
}
