package dev.destek.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InBackgroundTest {

    @Test
    void get_buildFailed_shouldRethrowTheFailureItself() {
        InBackground<String> value = InBackground.start("failing", () -> {
            throw new IllegalStateException("TABLE_NAME: missing");
        });

        assertThatThrownBy(value::get).isInstanceOf(IllegalStateException.class).hasMessage("TABLE_NAME: missing");
    }

    @Test
    void awaitAll_slowBuild_shouldReturnOnlyWhenItIsDone() throws Exception {
        // GIVEN a build that waits until released
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        InBackground.start("slow", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.set(true);
            return "built";
        });

        // WHEN the snapshot hook waits for it while another thread releases it
        Thread releaser = new Thread(() -> {
            sleep(100);
            release.countDown();
        });
        releaser.start();
        InBackground.awaitAll();

        // THEN
        assertThat(done).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
