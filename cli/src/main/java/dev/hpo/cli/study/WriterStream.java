package dev.hpo.cli.study;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A PrintStream that writes to a PrintWriter on each flush: the demo's {@code ProgressBar} prints to a
 * PrintStream, picocli gives commands a PrintWriter (which tests capture).
 */
final class WriterStream extends OutputStream {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintWriter out;

    private WriterStream(PrintWriter out) {
        this.out = out;
    }

    static PrintStream over(PrintWriter out) {
        return new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        buffer.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        buffer.write(b, off, len);
    }

    @Override
    public void flush() {
        out.print(buffer.toString(StandardCharsets.UTF_8));
        out.flush();
        buffer.reset();
    }
}
