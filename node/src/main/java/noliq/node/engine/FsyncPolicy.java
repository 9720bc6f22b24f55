package noliq.node.engine;

/**
 * When the journal is forced to the disk. Either way the writer appends every command waiting as one
 * batch in one write; the policy says whether that write is also forced before the batch is applied
 * and acknowledged.
 *
 * <ul>
 *   <li>{@link #ALWAYS} (the default): a batch of commands is forced before any of them is applied or
 *       acknowledged (group commit), so no acknowledged command is lost even if the machine loses power.
 *   <li>{@link #OS}: written before acknowledgement but left to the operating system to flush; survives
 *       the node process dying (kill -9), not a power cut or a kernel crash.
 * </ul>
 */
public enum FsyncPolicy { ALWAYS, OS }
