/// Closed-form results of queueing theory, to check the engine against.
public enum QueueingTheory {
    /// Mean wait in queue of an M/M/c queue (Erlang C): arrival rate `lambda`,
    /// service rate `mu` per server, `servers` servers; requires lambda < c mu.
    public static func erlangCWait(lambda: Double, mu: Double, servers c: Int) -> Double {
        precondition(lambda < Double(c) * mu, "unstable queue")
        let a = lambda / mu
        let rho = a / Double(c)
        var term = 1.0, sum = 0.0
        for k in 0..<c {
            if k > 0 { term *= a / Double(k) }
            sum += term
        }
        let last = term * a / Double(c)
        let pWait = last / (1 - rho) / (sum + last / (1 - rho))
        return pWait / (Double(c) * mu - lambda)
    }

    /// Mean time in an M/M/c station: wait plus service.
    public static func sojourn(lambda: Double, meanService: Double, servers: Int) -> Double {
        erlangCWait(lambda: lambda, mu: 1 / meanService, servers: servers) + meanService
    }
}
