package noliq.node.engine;

/**
 * One journaled command: its place in the order ({@code seq}, from 1, no gaps), the node's time
 * when it was accepted (epoch milliseconds: the market's clock reads only this), the caller's
 * idempotency key (or null) and the command.
 */
public record Entry(long seq, long at, String idem, Command cmd) {}
