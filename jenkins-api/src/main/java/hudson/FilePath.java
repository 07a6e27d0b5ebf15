package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Compile-only copy of a few {@code FilePath} members. Only some members are captured in signatures.txt
 * (none of the constructors), and the real class is final, so the stub cannot be instantiated at all.
 */
public final class FilePath implements SerializableOnlyOverRemoting {

    private FilePath() {
    }

    public String getRemote() {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
