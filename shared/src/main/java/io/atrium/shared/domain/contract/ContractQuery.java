package io.atrium.shared.domain.contract;

import java.util.Optional;

/** The filters of a contract list: by partner, by status, both, or neither. */
public record ContractQuery(Optional<String> partnerId, Optional<ContractStatus> status) {
    public static ContractQuery all() {
        return new ContractQuery(Optional.empty(), Optional.empty());
    }

    /** Describes the query for binding page tokens to it. */
    public String describe() {
        return "contracts?partnerId=" + partnerId.orElse("") + "&status=" + status.map(Enum::name).orElse("");
    }
}
