package cn.shifan;

import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * One handle of the library, owned by a Java object: released exactly once, by {@link #close()} or,
 * for an object that was never closed, by a {@link Cleaner} once it is unreachable. Every use holds
 * the handle for its whole length: shared (any number of readers at once) or exclusive (close, and
 * the calls that change the object), so a handle is never freed while a call is inside the library
 * with it, and a closed object throws {@link UsageException} instead of reaching the library.
 */
abstract class NativeObject implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    /** The handle and how to free it; the Cleaner's action (it must not refer to the owner). */
    private static final class Release implements Runnable {
        private final Pointer handle;
        private final Consumer<Pointer> free;

        Release(Pointer handle, Consumer<Pointer> free) {
            this.handle = handle;
            this.free = free;
        }

        @Override
        public void run() {
            free.accept(handle);
        }
    }

    /** A call that uses the handle. */
    @FunctionalInterface
    interface Use<T> {
        T apply(Pointer handle);
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Pointer handle; // guarded by lock; null once closed
    private final Cleaner.Cleanable cleanable;

    NativeObject(Pointer handle, Consumer<Pointer> free) {
        this.handle = handle;
        this.cleanable = CLEANER.register(this, new Release(handle, free));
    }

    /** Run {@code use} with the handle held shared (readers run concurrently). */
    final <T> T shared(Use<T> use) {
        return holding(lock.readLock(), use);
    }

    /** Run {@code use} with the handle held exclusively (no other use meanwhile). */
    final <T> T exclusive(Use<T> use) {
        return holding(lock.writeLock(), use);
    }

    /** Run {@code use} with the handle while {@code l} (the read or the write lock) is held. */
    private <T> T holding(Lock l, Use<T> use) {
        l.lock();
        try {
            return use.apply(live());
        } finally {
            l.unlock();
            Reference.reachabilityFence(this);
        }
    }

    private Pointer live() {
        if (handle == null) {
            String name = getClass().getSimpleName();
            throw ShifanException.usage(name + " 已关闭，不能再使用", "this " + name + " is closed");
        }
        return handle;
    }

    /** Whether {@link #close()} was called. */
    public final boolean isClosed() {
        ReentrantReadWriteLock.ReadLock l = lock.readLock();
        l.lock();
        try {
            return handle == null;
        } finally {
            l.unlock();
        }
    }

    /**
     * Release the native object now (waiting for calls in progress on other threads). Closing twice
     * is harmless; every later use throws {@link UsageException}.
     */
    @Override
    public void close() {
        ReentrantReadWriteLock.WriteLock l = lock.writeLock();
        l.lock();
        try {
            if (handle != null) {
                handle = null;
                cleanable.clean();
            }
        } finally {
            l.unlock();
        }
    }
}
