package io.atrium.contract.dto;

/** What a run answers (to `aws lambda invoke`): the day it ran for and how many due contracts it queued. */
public record ExpiryRunResponse(String asOf, int queued) {
}
