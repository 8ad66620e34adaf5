/// Reads a 1EdTech CASE package (CFDocument, CFItems, CFAssociations) as a framework.
/// Real packages carry fields beyond the schema; those are ignored.
extension SchemaReader {
    mutating func readCASE(_ root: Int32) -> Framework? {
        guard let documentNode = doc.value(root, forKey: "CFDocument"), doc[documentNode].kind == .mapping else {
            error("expected CFDocument to be a mapping", at: doc.value(root, forKey: "CFDocument") ?? root)
            return nil
        }
        guard let idNode = doc.value(documentNode, forKey: "identifier"), let id = text(idNode), !id.isEmpty else {
            error("CFDocument is missing its 'identifier'", at: firstKey(documentNode))
            return nil
        }
        let title = doc.value(documentNode, forKey: "title").flatMap(text)
        var standards: [Standard] = []
        var byIdentifier: [String: Int] = [:]
        if let itemsNode = doc.value(root, forKey: "CFItems") {
            for item in list(itemsNode, of: "CFItems") {
                guard doc[item].kind == .mapping else {
                    error("expected a CFItem (a mapping), found \(describe(item))", at: item)
                    continue
                }
                guard let identifierNode = doc.value(item, forKey: "identifier"), let identifier = text(identifierNode) else {
                    error("CFItem is missing its 'identifier'", at: firstKey(item))
                    continue
                }
                let codeNode = doc.value(item, forKey: "humanCodingScheme")
                let code = codeNode.flatMap(text).map { $0.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
                var standard = Standard(code: code, location: location(codeNode ?? identifierNode), grade: nil, gradeLabel: nil,
                                        emphasis: nil, text: nil, requires: [], requiresAt: [], parent: -1, hasOwnGrade: false)
                if let type = doc.value(item, forKey: "CFItemType").flatMap(text) {
                    standard.level = StandardLevel(caseItemType: type)
                }
                if let statement = doc.value(item, forKey: "fullStatement").flatMap(text) {
                    standard.text = StandardCode.plainText(statement)
                }
                if let levels = doc.value(item, forKey: "educationLevel") {
                    let grades = list(levels, of: "education levels").compactMap(text)
                    let parsed = grades.compactMap { Grade(parsing: $0) }.sorted()
                    if let low = parsed.first {
                        standard.grade = low
                        standard.hasOwnGrade = true
                        standard.gradeLabel = parsed.count > 1
                            ? (low.rank == 9 && parsed.last!.rank == 12 ? "HS" : "\(low)-\(parsed.last!)")
                            : low.description
                    }
                }
                if byIdentifier[identifier] == nil { byIdentifier[identifier] = standards.count }
                standards.append(standard)
            }
        } else {
            error("CASE package is missing 'CFItems'", at: firstKey(root))
        }
        var links: [PendingLink] = []
        var external: [Diagnostic] = []
        if let associations = doc.value(root, forKey: "CFAssociations") {
            for association in list(associations, of: "CFAssociations") where doc[association].kind == .mapping {
                guard let typeNode = doc.value(association, forKey: "associationType"), let type = text(typeNode) else { continue }
                let isParent = type == "isChildOf"
                guard isParent || type == "precedes" else { continue }
                guard let origin = endpoint(association, "originNodeURI"), let destination = endpoint(association, "destinationNodeURI") else {
                    // Real packages carry broken associations; one is skipped, not fatal.
                    diagnostics.append(Diagnostic(problem: .schema, severity: .warning,
                                                  message: "\(type) association is missing its origin or destination; it is skipped",
                                                  location: location(firstKey(association))))
                    continue
                }
                // isChildOf: the origin is a part of the destination. precedes: the origin comes first.
                let (from, to) = isParent ? (origin, destination) : (destination, origin)
                if isParent && to == id { continue }
                guard let fromIndex = byIdentifier[from] else {
                    external.append(outside(type, from, at: association, frameworkID: id))
                    continue
                }
                guard byIdentifier[to] != nil else {
                    external.append(outside(type, to, at: association, frameworkID: id))
                    continue
                }
                links.append(PendingLink(from: fromIndex, target: to, location: location(typeNode), isParent: isParent))
            }
        }
        var findings = external
        resolve(links, in: &standards, findings: &findings, frameworkID: id) { byIdentifier[$0] }
        return Framework(id: id, title: title, path: path, idLocation: location(idNode), standards: standards, findings: findings)
    }

    private func outside(_ type: String, _ identifier: String, at association: Int32, frameworkID: String) -> Diagnostic {
        Diagnostic(problem: .unknownReference, severity: .warning,
                   message: "\(type) association points at '\(identifier)', which is not an item of this package; it is kept unresolved",
                   location: location(doc.value(association, forKey: "associationType") ?? association),
                   help: "load the package that defines it too, or ignore this association")
    }

    /// The identifier of an association end (`{identifier: …}` or a plain string).
    private func endpoint(_ association: Int32, _ key: StaticString) -> String? {
        guard let node = doc.value(association, forKey: key) else { return nil }
        if doc[node].kind == .mapping {
            return doc.value(node, forKey: "identifier").flatMap(text)
        }
        return text(node)
    }

    /// A scalar's text, or nil.
    func text(_ node: Int32) -> String? {
        doc[node].kind == .scalar && !doc.isNull(node) ? doc.string(node) : nil
    }
}
