package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.InputStream;

/** Compile-only copy (plain-credentials plugin): a secret file credential. */
public interface FileCredentials extends StandardCredentials {

    @NonNull
    String getFileName();

    @NonNull
    InputStream getContent() throws IOException;
}
