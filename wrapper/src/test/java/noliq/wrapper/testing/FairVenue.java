package noliq.wrapper.testing;

import java.time.Instant;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.options.OptionsLedger;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.RollVenue;
import noliq.wrapper.port.TradeOutcome;
import noliq.wrapper.port.TradeRequest;
import noliq.wrapper.vault.Marks;

/**
 * An honest fake market for tests: a market maker with a large ETH inventory that fills every trade
 * at the model's fair value less {@code edge} (the taker's slippage and auction edge), minting the P
 * or N it sells by splitting its own ETH through the real ledger. {@link #stopFilling} makes it an
 * auction nobody takes.
 */
public final class FairVenue implements RollVenue {
  public static final AccountId ACCOUNT = AccountId.of("venue");
  private final OptionsLedger ledger;
  private final TokenBook book;
  private final Marks marks;
  private Price spot;
  private double vol;
  private double edge;
  private boolean fills = true;
  private int trades;
  private Mechanism lastMechanism;

  public FairVenue(OptionsLedger ledger, Price spot, double vol, double edge) {
    this.ledger = ledger;
    this.book = ledger.book();
    this.marks = new Marks(ledger);
    this.spot = spot;
    this.vol = vol;
    this.edge = edge;
    ledger.deposit(ACCOUNT, Amount.of(1_000_000_000L));
  }

  public void setSpot(Price spot) {
    this.spot = spot;
  }

  public void setEdge(double edge) {
    this.edge = edge;
  }

  public void stopFilling() {
    fills = false;
  }

  public void startFilling() {
    fills = true;
  }

  public int trades() {
    return trades;
  }

  public Mechanism lastMechanism() {
    return lastMechanism;
  }

  /** The venue's reference price as a vault's {@link noliq.wrapper.port.SpotFeed}: its spot and vol at {@code now}. */
  public Observation observe(Instant now) {
    return new Observation(spot, now, vol);
  }

  /** The venue's reference value of one unit of {@code token}, in index units. */
  public double perUnit(Token token, Instant now) {
    return marks.mark(token, Amount.ONE, new Observation(spot, now, vol), Rounding.DOWN).toDouble();
  }

  @Override
  public TradeOutcome trade(TradeRequest r) {
    lastMechanism = r.mechanism();
    if (!fills) {
      return new TradeOutcome.Unfilled(r.mechanism() + " found no taker by " + r.deadline());
    }
    double fairGiven = r.amount().toDouble() * perUnit(r.give(), r.now());
    double perReceived = perUnit(r.receive(), r.now());
    if (perReceived <= 0) {
      return new TradeOutcome.Unfilled("no bid for " + r.receive());
    }
    Amount received = Amount.fromDouble(fairGiven * (1 - edge) / perReceived, Rounding.DOWN);
    if (received.isZero()) {
      return new TradeOutcome.Unfilled("too small to fill");
    }
    return book.atomically(() -> {
      book.transfer(r.give(), r.trader(), ACCOUNT, r.amount());
      if (!r.receive().equals(Token.ETH) && book.balanceOf(ACCOUNT, r.receive()).isLessThan(received)) {
        var leg = marks.legOf(r.receive()).orElseThrow();
        ledger.split(ACCOUNT, leg.id(), received, r.now());
      }
      book.transfer(r.receive(), ACCOUNT, r.trader(), received);
      trades++;
      return new TradeOutcome.Filled(r.amount(), received, Price.fromDouble(fairGiven, Rounding.DOWN),
          Price.fromDouble(received.toDouble() * perReceived, Rounding.DOWN), r.now());
    });
  }
}
