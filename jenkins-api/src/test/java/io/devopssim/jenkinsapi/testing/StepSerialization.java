package io.devopssim.jenkinsapi.testing;

import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/**
 * A controller restart as the steps' tests play it: the execution is serialized and read back, with its
 * context kept out of the bytes and handed back on reading, as Pipeline's own pickling does.
 */
public final class StepSerialization {
    private StepSerialization() {
    }

    public static byte[] serialize(Object execution, StepContext context) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ContextReplacingOutput(bytes, context)) {
            out.writeObject(execution);
        }
        return bytes.toByteArray();
    }

    public static <T> T deserialize(byte[] bytes, StepContext context, Class<T> type) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ContextResolvingInput(new ByteArrayInputStream(bytes), context)) {
            return type.cast(in.readObject());
        }
    }

    private enum ContextToken { CONTEXT }

    private static final class ContextReplacingOutput extends ObjectOutputStream {
        private final StepContext context;

        ContextReplacingOutput(OutputStream out, StepContext context) throws IOException {
            super(out);
            this.context = context;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            return obj == context ? ContextToken.CONTEXT : obj;
        }
    }

    private static final class ContextResolvingInput extends ObjectInputStream {
        private final StepContext context;

        ContextResolvingInput(InputStream in, StepContext context) throws IOException {
            super(in);
            this.context = context;
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object obj) {
            return obj == ContextToken.CONTEXT ? context : obj;
        }
    }
}
