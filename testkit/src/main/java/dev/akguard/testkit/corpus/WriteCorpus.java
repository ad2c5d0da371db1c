package dev.akguard.testkit.corpus;

import java.nio.file.Path;

/**
 * Writes a labelled corpus to a folder: {@code WriteCorpus DIR [EXTRA_FILES] [SEED]} (for
 * benchmarks and CI).
 */
public final class WriteCorpus {
    private WriteCorpus() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: WriteCorpus DIR [EXTRA_FILES] [SEED]");
            System.exit(2);
        }
        int extra = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        var files = new CorpusGenerator(seed).writeTo(Path.of(args[0]), extra);
        long expected = files.stream().mapToLong(f -> f.expected().size()).sum();
        System.err.println(
                "wrote "
                        + files.size()
                        + " files with "
                        + expected
                        + " expected findings to "
                        + args[0]);
    }
}
