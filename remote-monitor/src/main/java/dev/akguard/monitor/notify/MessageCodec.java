package dev.akguard.monitor.notify;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Instant;

/** {@link Message} to and from the JSON kept in the outbox's payload column. */
public final class MessageCodec {
    private static final Gson GSON =
            new GsonBuilder()
                    .disableHtmlEscaping()
                    .registerTypeAdapter(
                            Instant.class,
                            new TypeAdapter<Instant>() {
                                @Override
                                public void write(JsonWriter out, Instant value)
                                        throws IOException {
                                    if (value == null) out.nullValue();
                                    else out.value(value.toString());
                                }

                                @Override
                                public Instant read(JsonReader in) throws IOException {
                                    return Instant.parse(in.nextString());
                                }
                            }.nullSafe())
                    .create();

    private MessageCodec() {}

    public static String encode(Message m) {
        return GSON.toJson(m);
    }

    public static Message decode(String json) {
        try {
            Message m = GSON.fromJson(json, Message.class);
            if (m == null || m.title() == null || m.createdAt() == null)
                throw new JsonParseException("missing title or createdAt");
            return m;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "unreadable notification payload: " + e.getMessage(), e);
        }
    }
}
