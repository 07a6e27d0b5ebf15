package hudson.model;

/**
 * Compile-only declaration: the context of credential lookups and the parent of an {@link Item}. signatures.txt
 * captures no member, so the stub declares none (and leaves out the real supertypes).
 */
public interface ItemGroup<T extends Item> {
}
