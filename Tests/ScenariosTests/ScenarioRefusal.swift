import Scenarios

/// What the parser refuses `text` (as "t.yaml") with, or nil when it parses: the parser
/// tests break one thing at a time in a valid scenario and ask this.
func scenarioRefusal(_ text: String) -> ScenarioError? {
    do {
        _ = try ScenarioParser.parse(text, file: "t.yaml")
        return nil
    } catch {
        return error
    }
}
