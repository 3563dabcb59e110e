import Synchronization

/// An append-only array that readers use without waiting for the writer: a reader takes a
/// ``View`` (storage and count, under a lock held for two loads) and reads the elements below
/// its count while the writer appends above it.
///
/// Safety: elements below a published count are never written again; growing copies into new
/// storage, and old storage stays alive as long as a view holds it.
final class AppendLog<Element: Sendable>: Sendable {
    final class Storage: @unchecked Sendable {
        let base: UnsafeMutablePointer<Element>
        let capacity: Int
        var initialized = 0  // touched only by the (locked) writer and deinit

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit {
            base.deinitialize(count: initialized)
            base.deallocate()
        }
    }

    /// A consistent prefix of the log.
    struct View: @unchecked Sendable {
        fileprivate let storage: Storage?
        /// How many elements the view holds.
        let count: Int
        subscript(i: Int) -> Element {
            precondition(i >= 0 && i < count, "index out of range")  // trap-safe: internal log; indices come from its own count, storage exists once anything is appended
            return storage!.base[i]  // trap-safe: internal log; indices come from its own count, storage exists once anything is appended
        }
    }

    private struct State: @unchecked Sendable {
        var storage: Storage?
        var count = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Appends an element, returning its index.
    @discardableResult
    func append(_ element: Element) -> Int {
        state.withLock { s in
            if s.storage == nil || s.count == s.storage!.capacity {  // trap-safe: internal log; indices come from its own count, storage exists once anything is appended
                let bigger = Storage(capacity: max(4, (s.storage?.capacity ?? 0) * 2))
                if let old = s.storage {
                    bigger.base.initialize(from: old.base, count: s.count)
                    bigger.initialized = s.count
                }
                s.storage = bigger
            }
            (s.storage!.base + s.count).initialize(to: element)  // trap-safe: internal log; indices come from its own count, storage exists once anything is appended
            s.storage!.initialized += 1  // trap-safe: internal log; indices come from its own count, storage exists once anything is appended
            s.count += 1
            return s.count - 1
        }
    }

    /// The elements appended so far.
    func view() -> View { state.withLock { View(storage: $0.storage, count: $0.count) } }

    /// How many elements there are.
    var count: Int { state.withLock { $0.count } }
}
