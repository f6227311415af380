import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// `runway serve`: the workshop page and its small JSON API.
///
///     GET    /                          the page
///     GET    /api/setup                 levers, starting points, caps
///     POST   /api/explore               start A vs B (cancels the page's older run)
///     GET    /api/explore/{id}?seen=n   progress; the charts when more than n pairs are done
///     DELETE /api/explore/{id}          cancel
///     GET    /api/explore/{id}/download the run folder as a .zip
///     GET    /api/explore/{id}/scenario-b.yaml
///
/// Every API call needs the access code when one is set (`--host` other than loopback).
public final class Workshop: Sendable {
    public let settings: WorkshopSettings
    public let scenarios: ScenarioCatalogue
    public let pool: SimulationPool
    let cache: ResultCache

    struct Registry {
        var runs: [String: LiveComparison] = [:]
        /// The latest run of each page.
        var latest: [String: String] = [:]
        var order: [String] = []
        var counter = 0
    }
    private let registry = Mutex(Registry())
    /// Runs kept for polling and download (each holds its replications: a few MB).
    let keptRuns = 64
    /// Flight-simulator sessions by code, each also kept on disk (`store`).
    let sessions = Mutex<[String: RoundSession]>([:])
    let store: SessionStore

    public init(settings: WorkshopSettings) throws {
        self.settings = settings
        scenarios = try ScenarioCatalogue(folder: settings.scenariosFolder, settings: settings)
        pool = SimulationPool(workers: settings.workers, maxRuns: settings.maxRuns)
        cache = ResultCache(capacity: 8)
        store = SessionStore(outputFolder: settings.outputFolder)
        restoreSessions()
    }

    // MARK: - Explore

    /// Starts a comparison for a page; its older one is cancelled first.
    public func start(_ request: ExploreRequest) throws(WorkshopError) -> LiveComparison {
        guard !request.client.isEmpty, request.client.count <= 64 else {
            throw WorkshopError(status: 400, "client: expected the page's id (1 to 64 characters)")
        }
        return try submit(try ExplorePlan(request, scenarios: scenarios, settings: settings), client: request.client)
    }

    /// Runs a plan for a page (or a session's group), cancelling that page's older run.
    func submit(_ plan: ExplorePlan, client: String, admitBeyondLimit: Bool = false) throws(WorkshopError) -> LiveComparison {
        let older = registry.withLock { r in r.latest[client].flatMap { r.runs[$0] } }
        if let older { pool.cancel(older) }
        let id = registry.withLock { r -> String in
            r.counter += 1
            return String(format: "e%05d-%@", r.counter, String(UUID().uuidString.prefix(8)).lowercased())
        }
        let run: LiveComparison
        do { run = try LiveComparison(id: id, client: client, plan: plan, cache: cache) } catch {
            throw WorkshopError(status: 400, "the scenario cannot be run: \(error)")
        }
        try pool.submit(run, admitBeyondLimit: admitBeyondLimit)
        registry.withLock { r in
            r.runs[id] = run
            r.latest[client] = id
            r.order.append(id)
            // Forget the oldest runs beyond the limit (cancelling any still going).
            while r.order.count > keptRuns {
                let old = r.order.removeFirst()
                if let gone = r.runs.removeValue(forKey: old) { pool.cancel(gone) }
                r.latest = r.latest.filter { $0.value != old }
            }
        }
        return run
    }

    public func run(_ id: String) throws(WorkshopError) -> LiveComparison {
        guard let run = registry.withLock({ $0.runs[id] }) else {
            throw WorkshopError(status: 404, "no run \(id.prefix(40)) (finished runs are kept for a while, then forgotten)")
        }
        return run
    }

    public func cancel(_ id: String) throws(WorkshopError) {
        pool.cancel(try run(id))
    }

    // MARK: - HTTP

    struct Setup: Encodable {
        struct Scenario: Encodable {
            let name: String
            let description: String
            let children: Int
            /// Each lever's value in this scenario (scenario units).
            let values: [String: String]
        }
        let levers: [Lever]
        let scenarios: [Scenario]
        let defaultReplications: Int
        let maxReplications: Int
        let maxChildren: Int
        let workers: Int
        let horizon: [String]
    }

    var setup: Setup {
        Setup(levers: Lever.all,
              scenarios: scenarios.entries.map { e in
                  .init(name: e.name, description: e.description, children: e.parameters.population.children,
                        values: Dictionary(uniqueKeysWithValues: Lever.all.map { ($0.key, $0.value(in: e.parameters)) }))
              },
              defaultReplications: settings.defaultReplications, maxReplications: settings.maxReplications,
              maxChildren: settings.maxChildren, workers: pool.workers, horizon: settings.horizon)
    }

    /// The routes, with the access code checked first when one is set.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if let code = settings.accessCode { router.add(middleware: AccessCodeMiddleware(code: code)) }
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: ExplorePage.html)))
        }
        router.get("/api/setup") { _, _ in try Self.json(self.setup) }
        router.post("/api/explore") { request, context in
            try await Self.answering {
                let body = try await Self.body(request, limit: self.settings.maxBodyBytes)
                let decoded: ExploreRequest
                do { decoded = try JSONDecoder().decode(ExploreRequest.self, from: body) } catch {
                    throw WorkshopError(status: 400, "expected a JSON body {client, scenario, levers: {key: value}}: \(Self.describe(error))")
                }
                let run = try self.start(decoded)
                return try Self.json(["id": run.id], status: .accepted)
            }
        }
        router.get("/api/explore/{id}") { request, context in
            try await Self.answering {
                let run = try self.run(context.parameters.get("id") ?? "")
                let seen = request.uri.queryParameters["seen"].flatMap { Int($0) } ?? 0
                return try Self.json(try run.snapshot(seen: seen))
            }
        }
        router.delete("/api/explore/{id}") { _, context in
            try await Self.answering {
                try self.cancel(context.parameters.get("id") ?? "")
                return try Self.json(["cancelled": true])
            }
        }
        router.get("/api/explore/{id}/download") { _, context in
            try await Self.answering {
                let run = try self.run(context.parameters.get("id") ?? "")
                let bytes = try RunDownload.zip(run, settings: self.settings)
                return Response(status: .ok, headers: [.contentType: "application/zip",
                                                       .contentDisposition: "attachment; filename=\"runway-\(run.id).zip\""],
                                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
        router.get("/api/explore/{id}/scenario-b.yaml") { _, context in
            try await Self.answering {
                let run = try self.run(context.parameters.get("id") ?? "")
                return Response(status: .ok, headers: [.contentType: "text/yaml; charset=utf-8",
                                                       .contentDisposition: "attachment; filename=\"scenario-b.yaml\""],
                                body: .init(byteBuffer: ByteBuffer(string: RunDownload.yaml(run.plan, side: "b", count: max(2, run.pairs().a.count)))))
            }
        }
        addRoundRoutes(router)
        return router
    }

    /// The application on `host:port`; `onRunning` gets the port actually bound (port 0: any free one).
    public func application(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "runway.serve")
        logger.logLevel = .warning
        return Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "runway"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }

    // MARK: - Helpers

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONEncoder().encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON body of at most `limit` bytes, or 400 naming what is wrong.
    static func decode<T: Decodable>(_ request: Request, limit: Int) async throws -> T {
        let body = try await Self.body(request, limit: limit)
        do { return try JSONDecoder().decode(T.self, from: body) } catch {
            throw WorkshopError(status: 400, "expected a JSON body: \(Self.describe(error))")
        }
    }

    /// Reads at most `limit` bytes of body; a larger one is answered with 413.
    static func body(_ request: Request, limit: Int) async throws -> Data {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer: buffer)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw WorkshopError(status: 413, "the request is larger than \(limit) bytes")
        }
    }

    /// Turns a `WorkshopError` into its status with `{"error": message}`.
    static func answering(_ body: () async throws -> Response) async throws -> Response {
        do { return try await body() } catch let error as WorkshopError {
            return try json(["error": error.message], status: HTTPResponse.Status(code: error.status))
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "wrong type at '\(c.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: "not valid JSON"
        default: "not valid JSON"
        }
    }
}

/// Every `/api/` call must carry the access code (header `X-Access-Code`, or `code` in the
/// query for links such as the download); the page itself loads and asks for it.
struct AccessCodeMiddleware<Context: RequestContext>: RouterMiddleware {
    let code: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let given = request.headers[HTTPField.Name("X-Access-Code")!] ?? request.uri.queryParameters["code"].map(String.init)
        guard let given, Array(given.utf8) == Array(code.utf8) else {
            return try Workshop.json(["error": "this workshop needs its access code (ask the facilitator)"], status: .unauthorized)
        }
        return try await next(request, context)
    }
}
