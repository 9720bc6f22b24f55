/**
 * The top layer: the {@code noliq} command line. It parses, wires the layers below together and
 * prints; it holds no domain rules. Every command that prints results accepts {@code --json}
 * (see {@link noliq.cli.Output}); exit codes are 0 ok, 1 failure, 2 bad usage or input.
 */
package noliq.cli;
