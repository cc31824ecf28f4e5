// The writable buffers `recv_into`/`recvfrom_into` fill: a bytearray, or a
// writable contiguous memoryview of one (CPython's "w*" buffer argument).
// Data is received into Swift memory without the GIL, then copied in with
// it, so no Python object is touched by the blocking call.

extension ThreadState {
    /// The size in bytes of the writable buffer `value`.
    func writableBufferSize(_ value: Value, _ function: String) throws(EvalError) -> Int {
        if let array = value.as(PyByteArray.self) { return array.count }
        if let view = value.as(PyMemoryView.self) {
            try view.checkReleased()
            if view.isReadOnly || view.exporter.as(PyByteArray.self) == nil {
                throw .typeError("\(function)() argument 1 must be read-write bytes-like object, not memoryview")
            }
            guard view.isContiguous else { throw .typeError("\(function)() argument 1 must be contiguous buffer, not memoryview") }
            return view.length * view.itemSize
        }
        throw .typeError("\(function)() argument 1 must be read-write bytes-like object, not \(typeOf(value).name)")
    }

    /// Copies `bytes` to the start of the writable buffer `value` (whose
    /// size `writableBufferSize` checked).
    func writeIntoBuffer(_ value: Value, _ bytes: ArraySlice<UInt8>) {
        if bytes.isEmpty { return }
        var target: PyByteArray
        var offset = 0
        if let array = value.as(PyByteArray.self) {
            target = array
        } else {
            let view = value.as(PyMemoryView.self)!
            target = view.exporter.as(PyByteArray.self)!
            offset = view.offset
        }
        target.bytes.withUnsafeMutableBufferPointer { storage in
            for (index, byte) in bytes.enumerated() { storage[offset + index] = byte }
        }
    }
}
