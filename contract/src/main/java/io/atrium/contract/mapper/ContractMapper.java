package io.atrium.contract.mapper;

import io.atrium.contract.dto.ContractResponse;
import io.atrium.contract.dto.CreateContractRequest;
import io.atrium.contract.dto.MoneyBody;
import io.atrium.contract.service.ContractDetails;
import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.Currencies;
import java.math.BigDecimal;
import java.time.LocalDate;

/** dto <-> domain for contracts. */
public final class ContractMapper {
    private ContractMapper() {
    }

    public static ContractDetails toDetails(CreateContractRequest request) {
        return new ContractDetails(request.partnerId(), request.title().strip(), LocalDate.parse(request.startDate()),
                LocalDate.parse(request.endDate()), toMoney(request.value()));
    }

    public static Money toMoney(MoneyBody body) {
        return Currencies.normalized(new BigDecimal(body.amount()), body.currency());
    }

    public static MoneyBody toBody(Money money) {
        return new MoneyBody(Currencies.normalized(money.amount(), money.currency()).amount().toPlainString(), money.currency());
    }

    public static ContractResponse toResponse(Contract contract) {
        return new ContractResponse(contract.id(), contract.partnerId(), contract.title(), contract.startDate().toString(),
                contract.endDate().toString(), toBody(contract.value()), toBody(contract.balance()), contract.status().name(),
                contract.version(), contract.createdAt().toString(), contract.updatedAt().toString());
    }
}
