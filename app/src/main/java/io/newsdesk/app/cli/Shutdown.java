package io.newsdesk.app.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks a long-running command until the process is asked to stop (Ctrl-C, SIGTERM). */
final class Shutdown {

  private Shutdown() {}

  static void await(Runnable onStop) {
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  done.countDown();
                  try {
                    onStop.run();
                  } finally {
                    stopped.countDown();
                  }
                },
                "newsdesk-shutdown"));
    try {
      done.await();
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
