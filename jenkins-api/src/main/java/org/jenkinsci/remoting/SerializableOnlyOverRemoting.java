package org.jenkinsci.remoting;

import java.io.Serializable;

/** Compile-only declaration (remoting): supertype of TaskListener and FilePath. */
public interface SerializableOnlyOverRemoting extends Serializable {
}
