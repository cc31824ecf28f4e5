/// The picture's colours, one per state, chosen so that "running" (green),
/// "waiting for the GIL" (red) and "blocked outside it" (blues and purple)
/// read apart at a glance.
public enum TimelinePalette {
    public static func colour(of state: GILTimeline.State) -> String {
        switch state {
        case .holding: return "#2e9e44"
        case .waiting: return "#e4572e"
        case .blocked(let reason): return blockedColour(reason)
        }
    }

    public static func blockedColour(_ reason: String) -> String {
        switch reason {
        case "sleep": return "#5b9bd5"
        case "lock wait": return "#9b6bcc"
        case "read", "write", "select", "input": return "#2bb0b0"
        case "native compute": return "#1f4e99"
        default: return "#8c9bb0"
        }
    }

    public static func colour(of instant: GILTimeline.InstantKind) -> String {
        switch instant {
        case .forcedRelease: return "#222222"
        case .dropRequest: return "#a0001c"
        case .convoyFixRequest: return "#d12bd1"
        case .threadStarted, .threadEnded: return "#777777"
        }
    }

    public static func label(of state: GILTimeline.State) -> String {
        switch state {
        case .holding: return "running (holds the GIL)"
        case .waiting: return "waiting for the GIL"
        case .blocked(let reason): return "blocked: \(reason)"
        }
    }
}
