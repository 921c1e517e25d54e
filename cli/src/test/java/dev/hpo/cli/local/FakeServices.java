package dev.hpo.cli.local;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@link FakeService} in place of the optimizer and the trainers, each marked with
 * {@code -Dfake.stack=<marker>} so a test can find leftovers.
 */
record FakeServices(String marker, Path workingDirectory, boolean trainersFail) implements ServiceCommands {

    @Override
    public List<String> optimizer() {
        return command(false);
    }

    @Override
    public List<String> trainer() {
        return command(trainersFail);
    }

    List<String> command(boolean fail) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-Dfake.stack=" + marker, "-cp", testClasses(), FakeService.class.getName()));
        if (fail) {
            command.add("fail");
        }
        return command;
    }

    /** Returns whether any process started with this marker is still alive. */
    boolean anyLeft() {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().arguments()
                .map(args -> List.of(args).contains("-Dfake.stack=" + marker) || List.of(args)
                        .stream().anyMatch(a -> a.startsWith("-Dhpo.local-kafka=" + marker)))
                .orElse(false));
    }

    private static String testClasses() {
        try {
            return Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
