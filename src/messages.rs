//! Every user-visible string, keyed by id, per language: English here, compiled in; the other
//! languages in text files ([`table`]), fetched when a reader asks for them. Templates take
//! positional arguments `{0}`, `{1}`, ..., which a language may reorder.

pub mod table;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    /// Spanish, from `messages/es.txt` (issue 11); English for any message it lacks.
    Es,
}

/// Declares the message ids and the list of all of them from one list, so none can be missed.
macro_rules! message_ids {
    ($($id:ident),* $(,)?) => {
        /// Message ids. Names say where the text appears.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg {
            $($id),*
        }

        /// Every id, for tests that check each language covers them all.
        pub const ALL: &[Msg] = &[$(Msg::$id),*];
    };
}

message_ids! {
    ListSeparator,
    ListSeparatorStrong,
    Range,
    LabelValue,
    WithAside,
    Parenthetical,
    Titled,
    MarkAnnouncement,
    Sentences,
    PageTitle,
    Kicker,
    NoticesLabel,
    FiguresUnreadable,
    NoticeBadPlace,
    NoticePlaceNotPublished,
    NoticeBadIndustry,
    NoticeIndustryNotPublished,
    NoticeOldIndustry,
    NoticeBadYears,
    NoticeBadSections,
    NoticeBadAccent,
    NoticeBadDark,
    NoticeBadLang,
    NoticeLongTitle,
    NoticeBadCareer,
    SwitcherProgram,
    SearchLabel,
    SearchPlaceholder,
    SearchLoading,
    SearchFailed,
    SearchNone,
    SearchCount,
    HitCareer,
    HitProgram,
    HitProgramOne,
    SnippetFor,
    SnippetReset,
    SwitcherLabel,
    SwitcherLabelProgram,
    SwitcherCode,
    SwitcherLoading,
    LoadingFigures,
    NoticeCareerNotPublished,
    NoticeCareerSucceeded,
    NoticeTooManyCareers,
    NoticeBadProgram,
    NoticeProgramWithoutCareers,
    NoticeCareerUnavailable,
    NoticeShowingDefault,
    LoadFailedNetwork,
    LoadFailedStatus,
    LoadFailedUnreadable,
    LoadFailedNotBuilt,
    LoadFailedWebPage,
    FormHeading,
    PlaceLabel,
    PlacePlaceholder,
    PlaceNoResults,
    PlaceListLabel,
    PlaceCount,
    PlaceCountOne,
    ReleasePeriod,
    PackSource,
    NoticeNoEstimate,
    NoticeHourlyOnly,
    StepBasePublished,
    StepBaseInterpolated,
    StepIndustryMeans,
    StepIndustryNotPublished,
    StepCombine,
    StepPrecision,
    StepPrecisionUnknown,
    NoteFallback,
    NoteFallbackTopCoded,
    NoteIndustryMeans,
    NoteIndustryNotPublished,
    NoteCaution,
    IndustryAllSector,
    NationalOption,
    NationName,
    IndustryLabel,
    AllIndustriesOption,
    YearsLabel,
    YearsValue,
    YearsValueOne,
    EstimateBadge,
    EstimateLabel,
    EstimateFor,
    EstimateBasedOn,
    HourlyLabel,
    AnnualOnly,
    RangeLabel,
    RangeTo,
    ExplanationSummary,
    StepExperience,
    StepExperienceRule,
    StepIndustryNone,
    StepRange,
    StandingPrimary,
    StandingArticle,
    StandingSecondary,
    ChartDistributionTitle,
    ChartDistributionSummary,
    ChartDistributionReference,
    ChartNationalMedian,
    ChartMedian,
    ChartMean,
    ChartEstimate,
    ChartSource,
    ChartSourcePlace,
    PercentileName,
    PercentileShort,
    MarkSource,
    EstimateSource,
    TableMeasure,
    TableAnnual,
    TableHourly,
    ShowData,
    DataTableLabel,
    ChooseHint,
    SourcesLine,
    ShareHeading,
    CopyLink,
    LinkCopied,
    SnippetCopied,
    CopyManually,
    EmbedThis,
    EmbedLoaderHelp,
    EmbedLoaderLabel,
    EmbedIframeHelp,
    EmbedIframeLabel,
    CopySnippet,
    // ids: states chart
    ChartStatesTitle,
    ChartMetrosTitle,
    ChartMetrosHeading,
    ChartMetrosColumn,
    ChartMetrosHint,
    ChartMapTitle,
    MapLegendBelow,
    MapLegendBetween,
    MapLegendAbove,
    ChartStatesColumn,
    ChartPlacesSummary,
    ChartBarsAnnualMean,
    ChartBarsPeriod,
    ChartBarsVersusNational,
    ChartBarsSource,
    ChartBarsMarkValue,
    ChartBarsMarkSource,
    ChartBarsVersusCell,
    ChartBarsNoFigure,
    ChartBarsNoFigureSource,
    ChartBarsFigures,
    ChartBarsCount,
    ChartBarsListJoin,
    ChartBarsSelected,
    ChartBarsSourceLine,
    ChartBarsEmpty,
    ChartBarsLegendFilled,
    ChartBarsLegendOutlined,
    ChartBarsLegendSelected,
    ChartBarsAbove,
    // ids: industries chart
    ChartIndustriesTitle,
    ChartIndustriesColumn,
    ChartIndustriesDetail,
    ChartIndustriesSummary,
    // ids: over-time chart
    ChartOverTimeTitle,
    ChartOverTimeHeading,
    ChartOverTimeOneRelease,
    ChartOverTimeSummary,
    ChartOverTimeSummaryGap,
    ChartOverTimeGap,
    ChartOverTimeCodeChange,
    ChartOverTimeSummaryTwoCodes,
    ChartOverTimeMissingPeriod,
    ChartOverTimeMarkValue,
    ChartOverTimeEndLabel,
    ChartOverTimeYearColumn,
    // ids: experience chart
    ChartExperienceTitle,
    ChartExperienceSummary,
    ChartExperienceNoEstimate,
    ChartExperienceMarkValue,
    ChartExperienceCurrent,
    ChartExperienceLevel1,
    ChartExperienceLevel2,
    ChartExperienceLevel3,
    ChartExperienceLevel4,
    ChartExperienceLevelNote,
    ChartExperienceEstimateColumn,
    ChartExperienceLowColumn,
    ChartExperienceHighColumn,
    // ids: outlook chart
    ChartOutlookTitle,
    OutlookNationalHeading,
    OutlookStatesHeading,
    OutlookStatesNote,
    OutlookEdition,
    OutlookNationalMark,
    OutlookStateMark,
    OutlookGrowth,
    OutlookValueBase,
    OutlookValueBaseChange,
    OutlookMarkSource,
    OutlookSourceStanding,
    OutlookReference,
    OutlookUnitedStates,
    OutlookSummaryFell,
    OutlookSummaryEditions,
    OutlookSummaryStates,
    OutlookListItem,
    OutlookStateItem,
    OutlookListAnd,
    OutlookColProjection,
    OutlookColArea,
    OutlookColChange,
    OutlookColBase,
    OutlookColSource,
    OutlookChangeJobs,
    OutlookBaseCell,
    OutlookNotGiven,
    OutlookOutlinedNote,
    // ids: comparison chart
    ChartComparisonTitle,
    ComparisonRowTitle,
    ComparisonMedianLabel,
    ComparisonMark,
    ComparisonSummary,
    ComparisonSummaryList,
    ComparisonListItem,
    ComparisonClose,
    ComparisonAbove,
    ComparisonBelow,
    ComparisonNarrower,
    ComparisonWider,
    ComparisonRange,
    ComparisonColOccupation,
    ComparisonColSoc,
    ComparisonColEmployment,
    // ids: the job section
    JobHeading,
    JobIntro,
    JobDutiesLead,
    JobDuties1,
    JobDuties2,
    JobDuties3,
    JobDuties4,
    JobEducation,
    JobCoursework,
    JobSpecialismsHeading,
    JobCoders,
    JobRegistrars,
    JobCitation,
    JobDefinitionSource,
    JobEntryHeading,
    JobEntryEducation,
    JobEntryExperience,
    JobEntryTraining,
    JobEntrySource,
    JobArticleHeading,
    RelatedHeading,
    RelatedArticle,
    RelatedProgram,
    RelatedGroup,
    LegendMiddleHalf,
    LegendMost,
    FactsHeading,
    NotPublished,
    FactGrowth,
    FactOpenings,
    TopCoded,
    FactNational,
    ArticleThen,
    FactMedian,
    FactMedianHourly,
    FactMeanHourly,
    PerHour,
    FactMean,
    FactLow,
    FactHigh,
    FactEmployment,
    ArticleCorrection,
    SourceToggle,
    SourceDetails,
    SourcePlace,
    Footer,
    FooterHistory,
    LangSwitchLabel,
    NoticeSpanishFailed,
    // ids: downloads (CSV and PNG)
    DownloadsLabel,
    DownloadCsv,
    DownloadPng,
    DownloadAll,
    CsvCareer,
    CsvSoc,
    CsvPlace,
    CsvIndustry,
    CsvRelease,
    CsvYears,
    CsvSource,
    CsvView,
}

impl Lang {
    /// The BCP 47 tag, for `lang=` and the widget's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::Es => "es-US",
        }
    }

    /// The code `lang=` takes and the widget writes: `en`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The template for `id`.
    pub fn text(self, id: Msg) -> &'static str {
        match self {
            Lang::En => english(id),
            Lang::Es => table::spanish(id).unwrap_or_else(|| english(id)),
        }
    }

    /// The template for `id` with `{0}`, `{1}`, ... replaced by `args`. A call with the wrong
    /// number of arguments for its message fails every debug build's tests.
    pub fn fill(self, id: Msg, args: &[&str]) -> String {
        let template = self.text(id);
        debug_assert_eq!(
            args.len(),
            arity(template),
            "{id:?} takes {} arguments",
            arity(template)
        );
        fill(template, args)
    }

    /// `items` joined by the list separator: `a, b, c`.
    pub fn list<S: AsRef<str>>(self, items: &[S]) -> String {
        self.join(items, Msg::ListSeparator)
    }

    /// `items` joined by `separator`'s text.
    pub fn join<S: AsRef<str>>(self, items: &[S], separator: Msg) -> String {
        let parts: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        parts.join(self.text(separator))
    }

    /// `17` -> `17th`; in Spanish the number itself, as in "percentil 17".
    pub fn ordinal(self, n: f64) -> String {
        let n = n.round() as i64;
        match self {
            Lang::En => {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix}")
            }
            Lang::Es => n.to_string(),
        }
    }
}

/// How many arguments a template takes: one more than its highest placeholder.
pub fn arity(template: &str) -> usize {
    (0..10)
        .filter(|i| template.contains(&format!("{{{i}}}")))
        .map(|i| i + 1)
        .max()
        .unwrap_or(0)
}

/// Replaces `{i}` with `args[i]`; a placeholder without an argument is left visible rather than
/// silently dropped, so a missing argument shows up in tests.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let index = after
            .find('}')
            .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close)));
        match index.and_then(|(i, close)| args.get(i).map(|a| (a, close))) {
            Some((arg, close)) => {
                out.push_str(arg);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn english(id: Msg) -> &'static str {
    match id {
        // Joins and punctuation are messages too: languages join lists and ranges differently.
        Msg::ListSeparator => ", ",
        Msg::ListSeparatorStrong => "; ",
        Msg::Range => "{0}–{1}",
        Msg::LabelValue => "{0} {1}",
        Msg::WithAside => "{0}, {1}",
        Msg::Parenthetical => "{0} ({1})",
        Msg::Titled => "{0}: {1}",
        Msg::MarkAnnouncement => "{0}: {1}. {2}",
        Msg::Sentences => "{0} {1}",
        Msg::PageTitle => "{0}: pay and job outlook",
        Msg::Kicker => "Pay and job outlook · SOC {0}",
        Msg::NoticesLabel => "Notices",
        Msg::FiguresUnreadable => "The pay figures could not be read, so nothing can be shown. Reload the page; if this persists, the figures are published by the U.S. Bureau of Labor Statistics at https://www.bls.gov/oes/.",
        Msg::NoticeBadPlace => "Unknown place “{0}”: showing national figures instead.",
        Msg::NoticePlaceNotPublished => "BLS publishes no figures for this career in {0}: showing national figures instead.",
        Msg::NoticeBadIndustry => "Unknown industry “{0}”: showing all industries instead.",
        Msg::NoticeIndustryNotPublished => "BLS publishes no pay for this career in {0}: showing all industries instead.",
        Msg::NoticeOldIndustry => "The industry “{0}” from an older link has no current BLS figure for this career: showing all industries instead.",
        Msg::NoticeBadYears => "Years of experience must be a whole number from 0 to {1}; “{0}” was given, so {2} is used.",
        Msg::NoticeBadSections => "Unknown section “{0}” was left out (sections are: {1}).",
        Msg::NoticeBadAccent => "Accent “{0}” is not a hex colour such as #0b5cad: the default colour is used.",
        Msg::NoticeBadDark => "Dark mode “{0}” must be auto, true or false: auto is used.",
        Msg::NoticeBadLang => "Language “{0}” is not available: the widget speaks English (lang=en) and Spanish (lang=es), and otherwise follows the browser's language.",
        Msg::NoticeLongTitle => "The title was shortened to {0} characters.",
        Msg::SearchLabel => "Embed another career or program: search by title, SOC code or CIP code",
        Msg::SearchPlaceholder => "e.g. medical assistant, 31-9092, 51.0801",
        Msg::SearchLoading => "Loading the list of careers and programs…",
        Msg::SearchFailed => "The list of careers could not be loaded: {0}.",
        Msg::SearchNone => "No career or program matches “{0}”.",
        Msg::SearchCount => "{0} matches: choose one to embed it.",
        Msg::HitCareer => "{0} (SOC {1})",
        Msg::HitProgram => "Program: {0} (CIP {1}, {2} careers)",
        Msg::HitProgramOne => "Program: {0} (CIP {1}, 1 career)",
        Msg::SnippetFor => "The snippets below embed {0}.",
        Msg::SnippetReset => "Use this page's career instead",
        Msg::SwitcherProgram => "Program: {0} (CIP {1})",
        Msg::SwitcherLabel => "Careers",
        Msg::SwitcherLabelProgram => "Careers the program {0} leads to",
        Msg::SwitcherCode => "SOC {0}",
        Msg::SwitcherLoading => "Loading the figures for {0}…",
        Msg::LoadingFigures => "Loading pay figures…",
        Msg::NoticeBadCareer => "“{0}” is not an occupation code (SOC codes look like 31-9092), so it was left out.",
        Msg::NoticeCareerNotPublished => "BLS publishes no May 2025 pay figures for occupation {0}, so it was left out.",
        Msg::NoticeCareerSucceeded => "Occupation {0} became {1} in the 2018 classification: showing {1}.",
        Msg::NoticeTooManyCareers => "Only the first {0} careers are offered.",
        Msg::NoticeBadProgram => "“{0}” is not a program code in the CIP 2020 to SOC 2018 crosswalk (codes look like 51.0707), so it was left out.",
        Msg::NoticeProgramWithoutCareers => "The program “{0}” prepares for no particular occupation that BLS publishes pay for.",
        Msg::NoticeCareerUnavailable => "The figures for {0} could not be loaded: {1}.",
        Msg::NoticeShowingDefault => "Showing {0}, this widget's first career, instead.",
        Msg::LoadFailedNetwork => "the network request failed",
        Msg::LoadFailedStatus => "the server answered {0}",
        Msg::LoadFailedUnreadable => "the file is damaged or from another version of the widget",
        Msg::LoadFailedNotBuilt => "this copy of the widget was built without the other careers' files",
        Msg::LoadFailedWebPage => "the server sent a web page instead of the figures",
        Msg::FormHeading => "Estimate your pay",
        Msg::PlaceLabel => "Where you live or want to work",
        Msg::PlacePlaceholder => "Type a city, state or metro area",
        Msg::PlaceNoResults => "No place matches",
        Msg::PlaceListLabel => "Places",
        Msg::PlaceCount => "{0} places match",
        Msg::PlaceCountOne => "1 place matches",
        Msg::ReleasePeriod => "May {0}",
        Msg::PackSource => "BLS OEWS {0}, SOC {1}, {2}",
        Msg::NoticeHourlyOnly => "BLS publishes this career\u{2019}s pay per hour only (it is seldom full-year work), so no annual estimate is made: the published hourly figures are shown instead.",
        Msg::NoticeNoEstimate => "No estimate can be made: BLS publishes this career\u{2019}s national pay only as markers (not released or top-coded), so the published figures are shown instead.",
        Msg::StepBasePublished => "Pay at the {0} percentile in {1}, {2}: {3} ({4}).",
        Msg::StepBaseInterpolated => "Pay at the {0} percentile in {1}, {2}: {3}, between the published {4} percentile ({5}) and {6} percentile ({7}), assuming a log-normal shape between them ({8}).",
        Msg::StepIndustryMeans => "{0}: national annual mean {1} ÷ all industries' national annual mean {2} ({3}) = ×{4}. BLS publishes pay by industry only nationally, so this ratio is assumed to apply in every place alike; means are compared rather than each percentile, because some industries' percentiles are bunched together and would make pay fall with experience.",
        Msg::StepIndustryNotPublished => "{0}: BLS published no {1} pay for this career in this industry, so no adjustment is made (×1).",
        Msg::StepCombine => "Estimate: {0} × {1} = {2} a year, rounded to the nearest $100 (place and industry are assumed to combine by multiplying). Per hour: {2} ÷ 2,080 hours = {3}.",
        Msg::StepPrecision => "Precision: BLS gives the mean wage in {0} a relative standard error of {1}% ({3}). A caution is shown from {2}%, where the true mean could differ by about twice that or more.",
        Msg::StepPrecisionUnknown => "Precision: BLS gives no relative standard error for the mean wage in {0} ({1}).",
        Msg::NoteFallback => "BLS published no {0} wages for {1}: the figures for {2} are used instead.",
        Msg::NoteFallbackTopCoded => "BLS published {1}'s {0} upper wages only as \u{201c}$239,200 or more\u{201d}, leaving nothing to estimate between: the figures for {2} are used instead.",
        Msg::NoteIndustryMeans => "{0} ×{1}: national annual means, assumed to apply here too.",
        Msg::NoteIndustryNotPublished => "No published pay for {0}: no industry adjustment.",
        Msg::NoteCaution => "Caution: the mean wage in {0} has a relative standard error of {1}% (from {2}% a caution is shown): treat this estimate as rough.",
        Msg::IndustryAllSector => "All of {0}",
        Msg::NationalOption => "United States (national)",
        Msg::NationName => "the United States",
        Msg::IndustryLabel => "Industry",
        Msg::AllIndustriesOption => "All industries",
        Msg::YearsLabel => "Years of experience",
        Msg::YearsValue => "{0} years",
        Msg::YearsValueOne => "1 year",
        Msg::EstimateBadge => "Estimate",
        Msg::EstimateLabel => "Estimated annual pay",
        Msg::EstimateFor => "{0} · {1} · {2}",
        Msg::EstimateBasedOn => "Based on {0}.",
        Msg::HourlyLabel => "per hour",
        Msg::AnnualOnly => "BLS publishes this career's pay as annual salaries only, so no hourly figure is given.",
        Msg::RangeLabel => "Likely range",
        Msg::RangeTo => "to",
        Msg::ExplanationSummary => "How this estimate is made",
        Msg::StepExperience => "Experience: {0} places you at the {1} percentile of pay (prevailing-wage level {2} reached).",
        Msg::StepExperienceRule => "Rule: the US Department of Labor's prevailing-wage levels I–IV sit at about the 17th, 34th, 50th and 67th percentiles of the same BLS survey (2009 guidance). Reaching them at 0, 2, 5 and 10 years is this widget's assumption: BLS publishes no pay by years of experience.",
        Msg::StepIndustryNone => "Industry: all industries, no adjustment.",
        Msg::StepRange => "Likely range: the {0} to {1} percentiles (one prevailing-wage level either side, within the published 10th–90th), scaled the same way: {2} to {3}.",
        Msg::StandingPrimary => "BLS",
        Msg::StandingArticle => "as reported by the article, not found in a BLS file",
        Msg::StandingSecondary => "secondary source quoting BLS",
        Msg::ChartDistributionTitle => "Annual pay in {0}, {1}",
        Msg::ChartDistributionSummary => "In {0}, {1}, half of these workers earned less than {2}. The middle half earned {3} to {4}; one in ten earned less than {5} and one in ten more than {6}. The mean was {7}. Your estimate, {8}, is marked.",
        Msg::ChartDistributionReference => "The national median, {0}, is marked for reference.",
        Msg::ChartNationalMedian => "US median",
        Msg::ChartMedian => "Median",
        Msg::ChartMean => "Mean",
        Msg::ChartEstimate => "Your estimate",
        Msg::LegendMiddleHalf => "Middle half (25th to 75th percentile)",
        Msg::LegendMost => "10th to 90th percentile",
        Msg::PercentileName => "{0} percentile",
        // A marker's or a column's short name: the ordinal alone.
        Msg::PercentileShort => "{0}",
        Msg::MarkSource => "{0}, {1}, SOC {2}",
        Msg::EstimateSource => "This widget's estimate (a model, not a published figure): see “How this estimate is made”",
        Msg::TableMeasure => "Measure",
        Msg::TableAnnual => "Annual pay",
        Msg::TableHourly => "Hourly pay",
        Msg::ShowData => "Show data",
        Msg::DataTableLabel => "Data: {0}",
        Msg::ChooseHint => "Click or press Enter to choose",
        Msg::SourcesLine => "Sources: {0}. SOC {1}.",
        Msg::ShareHeading => "Share or embed",
        Msg::CopyLink => "Copy link to this view",
        Msg::LinkCopied => "Link copied.",
        Msg::SnippetCopied => "Snippet copied.",
        Msg::CopyManually => "Copying is blocked here: the text is selected, press Ctrl+C (⌘C on a Mac).",
        Msg::EmbedThis => "Embed this on your site",
        Msg::EmbedLoaderHelp => "Paste this where the widget should appear. It sizes itself to its content; the data- attributes set the view.",
        Msg::EmbedLoaderLabel => "Loader snippet",
        Msg::EmbedIframeHelp => "Or, where scripts are not allowed, a plain iframe (it cannot resize itself):",
        Msg::EmbedIframeLabel => "Plain iframe snippet",
        Msg::CopySnippet => "Copy snippet",
        // text: states chart
        Msg::ChartStatesTitle => "Pay by state, compared with the national mean",
        Msg::ChartMetrosTitle => "Pay by metro area in {0}, compared with the national mean",
        Msg::ChartMetrosHeading => "Pay by metro area",
        Msg::ChartMetrosColumn => "Metropolitan or nonmetropolitan area",
        Msg::ChartMapTitle => "Pay by state on a map, compared with the national mean",
        Msg::MapLegendBelow => "{0} or less",
        Msg::MapLegendBetween => "{0} to {1}",
        Msg::MapLegendAbove => "{0} or more",
        Msg::ChartMetrosHint => "Choose a state or a metro area above to compare the metro areas in it.",
        Msg::ChartStatesColumn => "State",
        Msg::ChartPlacesSummary => "Compared with the national annual mean, pay is highest in {0} ({1}; {2}) and lowest in {3} ({4}; {5}).",
        Msg::ChartBarsAnnualMean => "Annual mean",
        Msg::ChartBarsPeriod => "Period",
        Msg::ChartBarsVersusNational => "Versus national",
        Msg::ChartBarsSource => "Source",
        Msg::ChartBarsMarkValue => "{0} a year ({1} vs national {2})",
        Msg::ChartBarsMarkSource => "{0}, {1}",
        Msg::ChartBarsVersusCell => "{0} (national annual mean {1}, {2})",
        Msg::ChartBarsNoFigure => "no figure",
        Msg::ChartBarsNoFigureSource => "BLS did not publish this pay figure; estimates fall back to the state, then the nation",
        Msg::ChartBarsFigures => "Figures by period and source: {0}.",
        Msg::ChartBarsCount => "{0}: {1}",
        Msg::ChartBarsListJoin => "; ",
        Msg::ChartBarsSelected => "Your choice, {0}: {1}; {2}.",
        Msg::ChartBarsSourceLine => "Figures by period and source: {0}. Each is compared with the national annual mean of the same release ({1}: {2}).",
        Msg::ChartBarsEmpty => "No pay figures are held for this chart.",
        Msg::ChartBarsLegendFilled => "Filled bar: from a BLS file",
        Msg::ChartBarsLegendOutlined => "Outlined bar: not from a BLS file (a secondary source or the article)",
        Msg::ChartBarsLegendSelected => "Orange: your choice",
        Msg::ChartBarsAbove => "+{0}",
        // text: industries chart
        Msg::ChartIndustriesTitle => "Pay by industry, compared with the national mean",
        Msg::ChartIndustriesColumn => "Industry",
        Msg::ChartIndustriesDetail => "{0}",
        Msg::ChartIndustriesSummary => "Among the industries with a published figure, compared with the national annual mean, pay is highest in {0} ({1}; {2}) and lowest in {3} ({4}; {5}).",
        // text: over-time chart
        Msg::ChartOverTimeHeading => "Pay over time",
        Msg::ChartOverTimeOneRelease => "For this career the widget holds BLS's May 2025 release only, shown above; earlier years are not part of its data yet, so no trend is drawn.",
        Msg::ChartOverTimeTitle => "National annual pay, {0} to {1}",
        Msg::ChartOverTimeSummary => "Median annual pay went from {0} in {1} to {2} in {3}, in dollars of each year (not adjusted for inflation).",
        Msg::ChartOverTimeSummaryGap => "Median annual pay went from {0} in {1} to {2} in {3}, in dollars of each year (not adjusted for inflation). This widget holds no {4} figures, so the lines break there.",
        Msg::ChartOverTimeGap => "No {0} data",
        Msg::ChartOverTimeCodeChange => "New code: SOC {0} ends, {1} begins (not one series)",
        Msg::ChartOverTimeSummaryTwoCodes => "Two series, because BLS changed the occupation's code: under SOC {4}, median annual pay went from {0} in {1} to {2} in {3}; under SOC {9}, its successor from May 2021, from {5} in {6} to {7} in {8}. Dollars of each year (not adjusted for inflation); May 2019 and 2020 used a broader code and are not shown.",
        Msg::ChartOverTimeMissingPeriod => "May {0}",
        Msg::ChartOverTimeMarkValue => "median {0}; mean {1}; middle half {2}–{3}",
        Msg::ChartOverTimeEndLabel => "{0} {1}",
        Msg::ChartOverTimeYearColumn => "Year",
        // text: experience chart
        Msg::ChartExperienceTitle => "Estimated annual pay by years of experience",
        Msg::ChartExperienceSummary => "This widget's estimate (a model, not a published figure) starts at {0} a year with no experience and rises to {1} at {2} years, flat after that by assumption; at {3} it is {4}.",
        Msg::ChartExperienceNoEstimate => "No estimate to show",
        Msg::ChartExperienceMarkValue => "{0} a year (range {1}–{2})",
        Msg::ChartExperienceCurrent => "{0}: {1}",
        Msg::ChartExperienceLevel1 => "I",
        Msg::ChartExperienceLevel2 => "II",
        Msg::ChartExperienceLevel3 => "III",
        Msg::ChartExperienceLevel4 => "IV",
        Msg::ChartExperienceLevelNote => "Pay levels I–IV at {0}, {1}, {2} and {3} years; flat after {3} years because no higher level exists and BLS publishes no pay by experience: assumed, not data",
        Msg::ChartExperienceEstimateColumn => "Estimate (annual)",
        Msg::ChartExperienceLowColumn => "Low",
        Msg::ChartExperienceHighColumn => "High",
        // text: outlook chart
        Msg::ChartOutlookTitle => "Job outlook: projected growth in jobs",
        Msg::OutlookNationalHeading => "United States, by Occupational Outlook Handbook edition",
        Msg::OutlookStatesHeading => "Fastest-growing states, {0}",
        Msg::OutlookStatesNote => "Outlined: as reported by {0}; not found in a BLS file.",
        Msg::OutlookEdition => "{0} edition",
        Msg::OutlookNationalMark => "{0} projection (Handbook {1} edition)",
        Msg::OutlookStateMark => "{0}, {1}",
        Msg::OutlookGrowth => "+{0}",
        Msg::OutlookValueBase => "{0} ({1} jobs in {2})",
        Msg::OutlookValueBaseChange => "{0} ({1} jobs in {2}, {3} by {4})",
        Msg::OutlookMarkSource => "{0}, projection period {1}",
        Msg::OutlookSourceStanding => "{0} ({1})",
        Msg::OutlookReference => "United States, {0}: {1}",
        Msg::OutlookUnitedStates => "United States",
        Msg::OutlookSummaryFell => "Projected job growth fell from one Handbook edition to the next: {0}",
        Msg::OutlookSummaryEditions => "Projected job growth by Handbook edition: {0}",
        Msg::OutlookSummaryStates => "; for {0}, the article reports the fastest growth in {1}, against {2} nationally",
        Msg::OutlookListItem => "{0} for {1}",
        Msg::OutlookStateItem => "{0} ({1})",
        Msg::OutlookListAnd => "{0} and {1}",
        Msg::OutlookColProjection => "Projection",
        Msg::OutlookColArea => "Area",
        Msg::OutlookColChange => "Change",
        Msg::OutlookColBase => "Base employment",
        Msg::OutlookColSource => "Source",
        Msg::OutlookChangeJobs => "{0} ({1} jobs)",
        Msg::OutlookBaseCell => "{0} in {1}",
        Msg::OutlookNotGiven => "not given",
        Msg::OutlookOutlinedNote => "Outlined: {0}.",
        // text: comparison chart
        Msg::ChartComparisonTitle => "How the pay compares in {0}, {1}",
        Msg::ComparisonRowTitle => "{0} ({1})",
        Msg::ComparisonMedianLabel => "Median {0}",
        Msg::ComparisonMark => "{0}: {1}",
        Msg::ComparisonSummary => "In {0}, the median annual pay of {1} ({2}) was {3} the median for {4} ({5}) and {6} the median for {7} ({8}); their pay was {9}.",
        Msg::ComparisonSummaryList => "Median annual pay, {0}: {1}.",
        Msg::ComparisonListItem => "{0} {1}",
        Msg::ComparisonClose => "close to",
        Msg::ComparisonAbove => "above",
        Msg::ComparisonBelow => "below",
        Msg::ComparisonNarrower => "more compressed: {0} from the 10th to the 90th percentile, against {1} for {2}",
        Msg::ComparisonWider => "more spread out: {0} from the 10th to the 90th percentile, against {1} for {2}",
        Msg::ComparisonRange => "{0} to {1}",
        Msg::ComparisonColOccupation => "Occupation",
        Msg::ComparisonColSoc => "SOC",
        Msg::ComparisonColEmployment => "Employment",
        // text: the job section
        Msg::JobHeading => "The job",
        Msg::JobIntro => "These technicians look after patients' health information, making sure it is correct, available to those who need it, and secure. Their work is with records and systems; they seldom deal with patients directly.",
        Msg::JobDutiesLead => "Duties depend on the workplace, but often include:",
        Msg::JobDuties1 => "Checking patient records for completeness and accuracy",
        Msg::JobDuties2 => "Entering patient information into computer databases",
        Msg::JobDuties3 => "Assigning codes to procedures for insurance billing and other uses",
        Msg::JobDuties4 => "Keeping health records confidential",
        Msg::JobEducation => "Most positions ask for at least a postsecondary certificate; some technicians also earn a professional certification or an associate degree. The training involves little lab work, so part of it can often be done online.",
        Msg::JobCoursework => "Courses usually cover medical terminology, anatomy and physiology, health care coding systems and health data standards. Certified technicians generally keep taking continuing education to hold on to their certification.",
        Msg::JobSpecialismsHeading => "Two specializations",
        Msg::JobCoders => "Coding specialists, or medical coders, concentrate on billing: they look through records for preexisting conditions, check that services carry the right codes and sort out payment problems.",
        Msg::JobRegistrars => "Cancer registrars keep the records of cancer patients: they code procedures for billing, follow how patients fare and gather data for research.",
        Msg::JobCitation => "Summarized from the article this widget started from, which cites the BLS Occupational Outlook Handbook (January 8, 2014).",
        Msg::JobDefinitionSource => "Official definition: {0}, {1}, SOC {2}.",
        Msg::JobEntryHeading => "What it takes to start",
        Msg::JobEntryEducation => "Typical education to enter",
        Msg::JobEntryExperience => "Work experience in a related job",
        Msg::JobEntryTraining => "Typical on-the-job training",
        Msg::JobEntrySource => "{0}, {1}, SOC {2}: what most workers need to enter this occupation, not what every employer asks.",
        Msg::JobArticleHeading => "What the article said about the work (2014)",
        Msg::RelatedHeading => "Related careers",
        Msg::RelatedArticle => "The two careers the article names beside this one.",
        Msg::RelatedProgram => "Careers the same programs prepare for (NCES CIP 2020 to SOC 2018 crosswalk), largest first.",
        Msg::RelatedGroup => "Careers in the same group of the 2018 Standard Occupational Classification, largest first.",
        Msg::ChartSource => "Source: {0}, {1}, {2}, SOC {3}.",
        Msg::ChartSourcePlace => "{0} Place: {1}.",
        Msg::FactsHeading => "The published figures for {0}, {1}",
        Msg::NotPublished => "not published",
        Msg::FactGrowth => "Projected change in jobs, {0}",
        Msg::FactOpenings => "Openings a year, {0}",
        Msg::TopCoded => "{0} or more",
        Msg::FactNational => "United States: {0}",
        Msg::ArticleThen => "What the article said (May 2014), corrected",
        Msg::FactMedianHourly => "Median hourly pay",
        Msg::FactMeanHourly => "Mean hourly pay",
        Msg::PerHour => "{0} an hour",
        Msg::FactMedian => "Median annual pay",
        Msg::FactMean => "Mean annual pay",
        Msg::FactLow => "Bottom 10% earned less than",
        Msg::FactHigh => "Top 10% earned more than",
        Msg::FactEmployment => "Jobs",
        Msg::ArticleCorrection => "The article this widget started from calls {0} the {1} national median. In the BLS file it is the mean; the median was {2} (SOC {3}). The article also cites the May 2013 release, but its figures are from May 2014. Today: the median is {4} in {5} (SOC {6}, a different code, so the two are not one series).",
        Msg::SourceToggle => "Source",
        Msg::SourceDetails => "{0}. Period: {1}. Occupation: SOC {2}. Read from: {3}.",
        Msg::SourcePlace => "{0}. Period: {1}. Occupation: SOC {2}. Place: {3}. Read from: {4}.",
        Msg::Footer => "Published figures are from BLS: OEWS May 2025 and Employment Projections 2024–34 for SOC {0}{1}. Estimates are a model, not an offer of pay: each shows its method.",
        Msg::FooterHistory => ", and, as history, SOC 29-2071, a code that ends with the May 2018 survey",
        Msg::LangSwitchLabel => "Language",
        Msg::NoticeSpanishFailed => "The Spanish texts could not be loaded ({0}), so the widget speaks English.",
        Msg::DownloadsLabel => "Download “{0}”",
        Msg::DownloadCsv => "Data (CSV)",
        Msg::DownloadPng => "Picture (PNG)",
        Msg::DownloadAll => "Download all figures (CSV)",
        Msg::CsvCareer => "Career",
        Msg::CsvSoc => "SOC code",
        Msg::CsvPlace => "Place",
        Msg::CsvIndustry => "Industry",
        Msg::CsvRelease => "Release",
        Msg::CsvYears => "Years of experience",
        Msg::CsvSource => "Source",
        Msg::CsvView => "This view",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_positional_arguments() {
        assert_eq!(fill("{0} to {1}, {0}", &["a", "b"]), "a to b, a");
        assert_eq!(fill("{2} missing", &["a"]), "{2} missing");
        assert_eq!(fill("no {braces", &[]), "no {braces");
        assert_eq!(fill("{0}", &["{1}"]), "{1}");
    }

    #[test]
    fn every_message_has_text_with_consecutive_placeholders() {
        for &id in ALL {
            let text = Lang::En.text(id);
            assert!(!text.trim().is_empty(), "{id:?}");
            let count = (0..10)
                .take_while(|i| text.contains(&format!("{{{i}}}")))
                .count();
            assert!(
                !text.contains(&format!("{{{}}}", count + 1)),
                "{id:?} skips a placeholder"
            );
        }
    }

    #[test]
    #[should_panic(expected = "Range takes 2 arguments")]
    #[cfg(debug_assertions)]
    fn a_call_with_the_wrong_number_of_arguments_fails() {
        Lang::En.fill(Msg::Range, &["2024"]);
    }

    #[test]
    fn arity_counts_up_to_the_highest_placeholder() {
        assert_eq!(arity("{0}: {1}. {2}"), 3);
        assert_eq!(arity("{0} to {1}, {0}"), 2);
        assert_eq!(arity("no placeholder"), 0);
        assert_eq!(Lang::En.list(&["a", "b"]), "a, b");
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [
            1.0, 2.0, 3.0, 11.0, 12.0, 13.0, 17.0, 21.0, 22.0, 50.0, 67.0,
        ]
        .iter()
        .map(|n| Lang::En.ordinal(*n))
        .collect();
        assert_eq!(
            got,
            ["1st", "2nd", "3rd", "11th", "12th", "13th", "17th", "21st", "22nd", "50th", "67th"]
        );
    }
}
