package org.hotline.bench;

/**
 * {@code bench/run}'s entry point: parses the options ({@link BenchOptions#USAGE}), runs the
 * bench against a server started from the jar, and prints the one summary. Exit code 0 when every
 * call was answered within three rings and connected and none failed, 1 otherwise, 64 for bad
 * options. The console is this command-line tool's output.
 */
public final class LoadBench {

    private LoadBench() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(64);
            return;
        }
        System.err.println("bench: run directory " + options.runDirectory());
        BenchResult result = new BenchRun(options).run();
        System.out.print(result.render());
        System.exit(result.everyCallConnected() ? 0 : 1);
    }
}
