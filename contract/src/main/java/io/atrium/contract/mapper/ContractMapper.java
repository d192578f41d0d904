package io.atrium.contract.mapper;

import io.atrium.contract.dto.ContractResponse;
import io.atrium.contract.dto.CreateContractRequest;
import io.atrium.contract.service.ContractDetails;
import io.atrium.shared.api.MoneyBody;
import io.atrium.shared.domain.contract.Contract;
import java.time.LocalDate;

/** dto <-> domain for contracts. */
public final class ContractMapper {
    private ContractMapper() {
    }

    public static ContractDetails toDetails(CreateContractRequest request) {
        return new ContractDetails(request.partnerId(), request.title().strip(), LocalDate.parse(request.startDate()),
                LocalDate.parse(request.endDate()), request.value());
    }

    public static ContractResponse toResponse(Contract contract) {
        return new ContractResponse(contract.id(), contract.partnerId(), contract.title(), contract.startDate().toString(),
                contract.endDate().toString(), MoneyBody.of(contract.value()), MoneyBody.of(contract.balance()),
                contract.status().name(), contract.version(), contract.createdAt().toString(), contract.updatedAt().toString());
    }
}
