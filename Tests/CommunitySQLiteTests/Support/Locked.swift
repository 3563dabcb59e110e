import Synchronization

/// Changes collected from observer callbacks on other threads.
final class Locked<Element: Sendable>: Sendable {
    private let storage = Mutex<[Element]>([])

    func append(_ elements: [Element]) { storage.withLock { $0 += elements } }

    var value: [Element] { storage.withLock { $0 } }
}
