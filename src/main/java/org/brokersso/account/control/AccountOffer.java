package org.brokersso.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.brokersso.account.entity.AccountTerms;
import org.brokersso.ctrader.entity.AccountType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The choices the account-creation screen offers (§6.7), as the broker configured them. Only a
 * combination of offered values becomes {@link AccountTerms}: the form cannot be bent into an
 * account the broker does not sell.
 */
@ApplicationScoped
public class AccountOffer {

  @Inject
  @ConfigProperty(name = "account.currencies")
  List<String> currencies; // MicroProfile Config splits lists at commas

  @Inject
  @ConfigProperty(name = "account.leverages")
  List<Integer> leverages;

  @Inject
  @ConfigProperty(name = "account.types")
  List<String> types;

  @Inject
  @ConfigProperty(name = "account.group-name")
  String groupName;

  public List<String> currencies() {
    return trimmed(currencies);
  }

  /** Leverages as "N" of "1:N", smallest first whatever order the configuration lists them in. */
  public List<Integer> leverages() {
    return leverages.stream().sorted().toList();
  }

  /** The leverage preselected on the screen: the first one configured, the broker's choice. */
  public int preselectedLeverage() {
    return leverages.get(0);
  }

  public List<AccountType> types() {
    return trimmed(types).stream().map(AccountType::valueOf).toList();
  }

  public Optional<AccountTerms> terms(String currency, Integer leverage, String type) {
    if (!currencies().contains(currency)
        || !leverages().contains(leverage)
        || types().stream().noneMatch(t -> t.name().equals(type))) {
      return Optional.empty();
    }
    return Optional.of(
        new AccountTerms(currency, groupName, leverage * 100, AccountType.valueOf(type)));
  }

  private static List<String> trimmed(List<String> values) {
    return values.stream().map(String::trim).toList(); // "USD, EUR" as a broker may write it
  }
}
