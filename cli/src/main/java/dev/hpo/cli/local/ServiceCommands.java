package dev.hpo.cli.local;

import java.nio.file.Path;
import java.util.List;

/** The command lines that start the stack's services; tests put a fake service in their place. */
public interface ServiceCommands {

    /** Returns the command line of the optimizer-service. */
    List<String> optimizer();

    /** Returns the command line of the trainer-service; its worker id comes through the environment. */
    List<String> trainer();

    /** Returns the working directory of every service, against which relative paths in study specs resolve. */
    Path workingDirectory();

    /** Returns the commands that run the services' packaged Quarkus jars under {@code home}, the repository root. */
    static ServiceCommands jars(Path home) {
        return new ServiceJars(home);
    }
}
