/**
 * The options side of the options-versus-debt study: P-wrapper vaults ({@link
 * noliq.lab.study.options.WrapperVaultDesign}) and local agents ({@link
 * noliq.lab.study.options.LocalAgentDesign}) rolling by a policy through the real roll markets
 * (AMM, rotation auction, order book, via {@code noliq.wrapper.venue}), N holders ({@link
 * noliq.lab.study.options.NHolderDesign}), settlement through the real optimistic oracle and
 * VotingV2 vote under the {@link noliq.lab.study.options.SettlementGame}'s attacker (honest, capture
 * when it pays, delay), and the cost of capturing a settlement ({@link
 * noliq.lab.study.options.SettlementCorruptionCost}). {@link noliq.lab.study.options.OptionsDesigns#defaults()}
 * is what {@code noliq compare} runs; every stated parameter is in {@link
 * noliq.lab.study.options.OptionsAssumptions} (and the market's in {@code RollAssumptions}).
 */
package noliq.lab.study.options;
