package dev.hpo.cli.bench;

/** The topics the stub workers write, as docs/protocol.md names them. */
final class StubTopics {

    static final String RESULTS = "hpo.results";
    static final String PROGRESS = "hpo.progress";

    private StubTopics() {
    }
}
