package io.xenpulse.schemas.serde;

/** A serde class a site might name by mistake: it cannot be instantiated reflectively. */
public class RecordingSerdeWithoutDefaultConstructor extends RecordingSerde {

    public RecordingSerdeWithoutDefaultConstructor(String unused) {
        super();
    }
}
