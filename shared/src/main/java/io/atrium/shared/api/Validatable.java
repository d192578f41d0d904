package io.atrium.shared.api;

/** A request DTO that checks its own values after its JSON shape was accepted. */
public interface Validatable {
    void validate(Violations violations);
}
