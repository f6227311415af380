/// A duration as written in a scenario file; turned into a `DurationDistribution` when the model is built.
public struct DurationSpec: Sendable, Codable, Equatable {
    /// exponential, gamma, lognormal or weibull.
    public var distribution: String
    public var meanDays: Double
    /// Coefficient of variation (gamma, lognormal) or shape k (weibull); ignored for exponential.
    public var spread: Double

    public init(distribution: String, meanDays: Double, spread: Double) {
        self.distribution = distribution
        self.meanDays = meanDays
        self.spread = spread
    }
}

public struct ServiceParameters: Sendable, Codable, Equatable {
    public var youthHealthCare: YouthHealthCareParameters
    public var schoolCare: SchoolCareParameters
    public var neighbourhoodTeam: NeighbourhoodTeamParameters
    public var generalPractitioner: GeneralPractitionerParameters
    public var specialisedAmbulant: SpecialisedCareParameters
    public var residential: SpecialisedCareParameters
    public var youthProtection: YouthProtectionParameters
    public var specialisedFinancing: SpecialisedFinancing
    public var capacityGrowth: CapacityGrowth

    public init(youthHealthCare: YouthHealthCareParameters, schoolCare: SchoolCareParameters,
                neighbourhoodTeam: NeighbourhoodTeamParameters, generalPractitioner: GeneralPractitionerParameters,
                specialisedAmbulant: SpecialisedCareParameters, residential: SpecialisedCareParameters,
                youthProtection: YouthProtectionParameters, specialisedFinancing: SpecialisedFinancing,
                capacityGrowth: CapacityGrowth) {
        self.specialisedFinancing = specialisedFinancing
        self.capacityGrowth = capacityGrowth
        self.youthHealthCare = youthHealthCare
        self.schoolCare = schoolCare
        self.neighbourhoodTeam = neighbourhoodTeam
        self.generalPractitioner = generalPractitioner
        self.specialisedAmbulant = specialisedAmbulant
        self.residential = residential
        self.youthProtection = youthProtection
    }
}

/// Staff paid from a fixed budget: FTE = budget / cost per FTE, places = FTE x caseload.
public struct Staffing: Sendable, Codable, Equatable {
    public var costPerFteEurPerYear: Double
    /// Children helped at once by one full-time professional.
    public var caseloadPerFte: Double

    public init(costPerFteEurPerYear: Double, caseloadPerFte: Double) {
        self.costPerFteEurPerYear = costPerFteEurPerYear
        self.caseloadPerFte = caseloadPerFte
    }
}

public struct YouthHealthCareParameters: Sendable, Codable, Equatable {
    public var budgetShare: Double
    /// Cost of the universal contact schedule per child per year.
    public var costPerChildEurPerYear: Double
    /// Share of children reached at a contact when fully funded.
    public var reach: Double
    /// Ages (years) of the scheduled contacts.
    public var contactAgesYears: [Double]
    /// Chance that a contact notices an existing need.
    public var detectionProbability: PerSeverity<Double>
    public var earlyHelpEnabled: Bool
    public var earlyHelpStaffing: Staffing
    public var earlyHelpDuration: DurationSpec
    public var earlyHelpResolveProbability: Double
    public var organisation: JGZOrganisation
    /// Split organisations: share of the early-help cases (helped or waiting) that are lost
    /// when the 0-4 organisation hands the child to the 4-18 one at school age.
    public var transferLoss: Double

    /// One youth health care organisation for ages 0-18, or one for 0-4 (the consultation
    /// bureau, consultatiebureau) and another for 4-18 (school JGZ).
    public enum JGZOrganisation: String, Sendable, Codable, CaseIterable {
        case merged
        /// At school age the early-help cases move from one organisation to the other: a
        /// hand-over, and some cases are lost.
        case split
    }

    public init(budgetShare: Double, costPerChildEurPerYear: Double, reach: Double, contactAgesYears: [Double],
                detectionProbability: PerSeverity<Double>, earlyHelpEnabled: Bool, earlyHelpStaffing: Staffing,
                earlyHelpDuration: DurationSpec, earlyHelpResolveProbability: Double,
                organisation: JGZOrganisation, transferLoss: Double) {
        self.organisation = organisation
        self.transferLoss = transferLoss
        self.budgetShare = budgetShare
        self.costPerChildEurPerYear = costPerChildEurPerYear
        self.reach = reach
        self.contactAgesYears = contactAgesYears
        self.detectionProbability = detectionProbability
        self.earlyHelpEnabled = earlyHelpEnabled
        self.earlyHelpStaffing = earlyHelpStaffing
        self.earlyHelpDuration = earlyHelpDuration
        self.earlyHelpResolveProbability = earlyHelpResolveProbability
    }
}

public struct SchoolCareParameters: Sendable, Codable, Equatable {
    public var budgetShare: Double
    /// Share of school-age children whose school has an arrangement.
    public var shareOfChildrenCovered: Double
    public var staffing: Staffing
    /// Hazard per year that school notices a need (covered children, at full funding).
    public var detectionPerYear: PerSeverity<Double>
    public var duration: DurationSpec
    /// Chance that school care resolves the need (light and moderate only: severe needs noticed at school go to the team).
    public var resolveProbability: PerSeverity<Double>

    public init(budgetShare: Double, shareOfChildrenCovered: Double, staffing: Staffing, detectionPerYear: PerSeverity<Double>,
                duration: DurationSpec, resolveProbability: PerSeverity<Double>) {
        self.budgetShare = budgetShare
        self.shareOfChildrenCovered = shareOfChildrenCovered
        self.staffing = staffing
        self.detectionPerYear = detectionPerYear
        self.duration = duration
        self.resolveProbability = resolveProbability
    }
}

public struct NeighbourhoodTeamParameters: Sendable, Codable, Equatable {
    public var budgetShare: Double
    public var staffing: Staffing
    /// Hazard per year that outreach notices a need (at full funding).
    public var outreachPerYear: PerSeverity<Double>
    public var duration: DurationSpec
    public var resolveProbability: PerSeverity<Double>
    /// Share of severe needs the team refers on that go to residential rather than ambulant care.
    public var residentialShareOfSevereReferrals: Double
    public var organisation: TeamOrganisation
    /// Capacity that follows demand, where the municipality chooses it: team places added
    /// per year per child on the team's list (mean over the year before), paid on top of
    /// the team's budget share at its cost per place; 0 = the team's budget is fixed.
    public var placesPerWaitingChild: Double

    /// One team for the whole household, or separate youth and household teams.
    public enum TeamOrganisation: String, Sendable, Codable, CaseIterable {
        /// One team serves the children and the parents: one provider per household.
        case integrated
        /// A youth team and a household team: two providers per household in team care, and a
        /// family's own request reaches the youth team through a hand-over.
        case separate
    }

    public init(budgetShare: Double, staffing: Staffing, outreachPerYear: PerSeverity<Double>, duration: DurationSpec,
                resolveProbability: PerSeverity<Double>, residentialShareOfSevereReferrals: Double,
                organisation: TeamOrganisation, placesPerWaitingChild: Double = 0) {
        self.organisation = organisation
        self.placesPerWaitingChild = placesPerWaitingChild
        self.budgetShare = budgetShare
        self.staffing = staffing
        self.outreachPerYear = outreachPerYear
        self.duration = duration
        self.resolveProbability = resolveProbability
        self.residentialShareOfSevereReferrals = residentialShareOfSevereReferrals
    }
}

public struct GeneralPractitionerParameters: Sendable, Codable, Equatable {
    /// Hazard per year that a GP notices a need and refers straight to specialised care.
    public var detectionPerYear: PerSeverity<Double>
    public var residentialShareOfSevereReferrals: Double

    public init(detectionPerYear: PerSeverity<Double>, residentialShareOfSevereReferrals: Double) {
        self.detectionPerYear = detectionPerYear
        self.residentialShareOfSevereReferrals = residentialShareOfSevereReferrals
    }
}

public struct SpecialisedCareParameters: Sendable, Codable, Equatable {
    /// Places contracted with providers per 1,000 children.
    public var placesPer1000Children: Double
    public var tariffEurPerDay: Double
    public var duration: DurationSpec
    public var resolveProbability: PerSeverity<Double>

    public init(placesPer1000Children: Double, tariffEurPerDay: Double, duration: DurationSpec,
                resolveProbability: PerSeverity<Double>) {
        self.placesPer1000Children = placesPer1000Children
        self.tariffEurPerDay = tariffEurPerDay
        self.duration = duration
        self.resolveProbability = resolveProbability
    }
}

public struct YouthProtectionParameters: Sendable, Codable, Equatable {
    /// Cost of the order itself (guardianship) per day.
    public var costEurPerDay: Double
    /// Chance that an order comes with an out-of-home placement (paid at the residential tariff).
    public var placementProbability: Double
    public var duration: DurationSpec
    public var resolveProbability: Double

    public init(costEurPerDay: Double, placementProbability: Double, duration: DurationSpec, resolveProbability: Double) {
        self.costEurPerDay = costEurPerDay
        self.placementProbability = placementProbability
        self.duration = duration
        self.resolveProbability = resolveProbability
    }
}

/// How the municipality pays for specialised ambulant and residential care.
public struct SpecialisedFinancing: Sendable, Codable, Equatable {
    public enum Model: String, Sendable, Codable, CaseIterable {
        /// Each day in care at the tariff.
        case perDay = "per_day"
        /// A fixed price per episode (the tariff x the mean duration under per-day payment), paid when it starts.
        case perTrajectory = "per_trajectory"
        /// One yearly contract with a consortium of providers, whatever the care; when the
        /// consortium's own costs run over the contract it shifts to lighter care.
        case populationBudget = "population_budget"
    }
    public var model: Model
    /// Factor on the mean episode duration under each model (the providers' incentive).
    public var durationFactorPerDay: Double
    public var durationFactorPerTrajectory: Double
    public var durationFactorPopulationBudget: Double
    /// The population-budget contract as a fraction of the youth-care income.
    public var contractShareOfIncome: Double
    /// The per-day incentive over the years of the new regime: from the transition date the
    /// per-day factor grows by this much a year (0: never), up to `perDayMaxFactor`.
    public var perDayDriftPerYear: Double
    public var perDayMaxFactor: Double
    /// The financing model at the reviews of running episodes, from the transition date:
    /// per day, this share of the episodes whose need has resolved is prolonged once more;
    /// per trajectory or a population budget, this share of the unresolved episodes that
    /// would be extended is closed instead (the child goes home with its need and may come
    /// back as a repeat episode). 0 = reviews follow the need only.
    public var reviewShare: Double
    /// Factor on the specialised tariffs the municipality pays (ambulant and residential,
    /// also youth protection's placements, paid at the residential tariff): its purchase
    /// price against the tariffs given, e.g. a cut passed on to the providers as lower
    /// prices. 1 = the tariffs as given.
    public var tariffFactor: Double

    public init(model: Model, durationFactorPerDay: Double, durationFactorPerTrajectory: Double,
                durationFactorPopulationBudget: Double, contractShareOfIncome: Double,
                perDayDriftPerYear: Double = 0, perDayMaxFactor: Double = 1, reviewShare: Double = 0,
                tariffFactor: Double = 1) {
        self.reviewShare = reviewShare
        self.tariffFactor = tariffFactor
        self.perDayDriftPerYear = perDayDriftPerYear
        self.perDayMaxFactor = perDayMaxFactor
        self.model = model
        self.durationFactorPerDay = durationFactorPerDay
        self.durationFactorPerTrajectory = durationFactorPerTrajectory
        self.durationFactorPopulationBudget = durationFactorPopulationBudget
        self.contractShareOfIncome = contractShareOfIncome
    }

    /// The per-day drift's factor `years` after the transition date (1 before it, or
    /// under another model): 1 + drift x years, up to the cap (a cap below 1 is not
    /// reached by a drift upwards).
    public func drift(yearsSinceTransition years: Double) -> Double {
        guard model == .perDay, perDayDriftPerYear > 0, years > 0 else { return 1 }
        return min(max(1, perDayMaxFactor), 1 + perDayDriftPerYear * years)
    }

    /// The factor on episode durations under the chosen model.
    public var durationFactor: Double {
        switch model {
        case .perDay: durationFactorPerDay
        case .perTrajectory: durationFactorPerTrajectory
        case .populationBudget: durationFactorPopulationBudget
        }
    }
}

/// Supply follows referrals: providers of specialised care add places when their waiting
/// lists stay long, after a delay (hiring, premises), up to a limit, and close idle ones
/// slowly. The added places accumulate from year to year.
public struct CapacityGrowth: Sendable, Codable, Equatable {
    /// From when the providers respond: the whole horizon, or from the transition date (the
    /// open-ended entitlement: before it, places were a fixed contract).
    public enum AppliesFrom: String, Sendable, Codable, CaseIterable {
        case start
        case transition
    }
    /// Places added per year per child on the waiting list (mean over a year); 0: places stay as contracted.
    public var placesPerWaitingChild: Double
    /// Whole years between the waiting list and the places it brings.
    public var delayYears: Int
    /// Share of the added places that stood idle last year which providers close per year.
    public var shrinkPerYear: Double
    /// Extra places at most, as a fraction of the contracted places.
    public var maxExtraFraction: Double
    public var appliesFrom: AppliesFrom
    /// Providers enter where referrals are paid: places added per year per specialised
    /// start paid the year before (per day or per trajectory; a population budget pays for
    /// no start, so it draws no entrants); 0 = none.
    public var placesPerPaidStart: Double
    /// New places generate referrals of their own: from the transition date a GP's hazard
    /// of noticing and referring a need is times 1 + this x the added places over the
    /// contracted ones (ambulant and residential together); 0 = none.
    public var inducedReferrals: Double

    public init(placesPerWaitingChild: Double, delayYears: Int, shrinkPerYear: Double, maxExtraFraction: Double, appliesFrom: AppliesFrom,
                placesPerPaidStart: Double = 0, inducedReferrals: Double = 0) {
        self.placesPerPaidStart = placesPerPaidStart
        self.inducedReferrals = inducedReferrals
        self.placesPerWaitingChild = placesPerWaitingChild
        self.delayYears = delayYears
        self.shrinkPerYear = shrinkPerYear
        self.maxExtraFraction = maxExtraFraction
        self.appliesFrom = appliesFrom
    }
}
