package io.atrium.local.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One record of a shard as the event source holds it: its sequence number, when DynamoDB says it was written, and
 * the record as Lambda hands it to the function ({@link StreamRecordJson}).
 */
record StreamItem(String sequenceNumber, Instant arrival, ObjectNode lambdaRecord) {
}
