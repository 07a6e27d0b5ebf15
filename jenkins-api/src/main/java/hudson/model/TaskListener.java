package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Compile-only copy. {@link #NULL} discards output, as the real one does, so binding tests can use it. */
public interface TaskListener extends SerializableOnlyOverRemoting {

    TaskListener NULL = () -> new PrintStream(OutputStream.nullOutputStream(), false, Charset.defaultCharset());

    @NonNull
    PrintStream getLogger();
}
