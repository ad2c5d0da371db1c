package dev.akguard.lsp.support;

import dev.akguard.lsp.launch.StdioLauncher;

/**
 * The stdio server plus a "library" that prints to System.out while the server runs: the protocol
 * must survive, because the launcher points System.out at stderr before serving.
 */
public final class NoisyMain {
    public static final String NOISE = "noise from a library that prints to System.out";

    private NoisyMain() {}

    public static void main(String[] args) {
        java.io.PrintStream original = System.out;
        Thread noisy =
                new Thread(
                        () -> {
                            try {
                                while (System.out == original)
                                    Thread.sleep(5); // from the moment the server owns stdout
                                for (int i = 0; i < 10; i++) {
                                    System.out.println(NOISE);
                                    Thread.sleep(20);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        noisy.setDaemon(true);
        noisy.start();
        System.exit(StdioLauncher.runOnStdio());
    }
}
