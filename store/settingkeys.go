package store

// Keys of the settings table. Our own company's details sign every letter
// and plan (seed 001: a cordial final letter referencing the agreement);
// labour cost and business hours drive profitability and after-hours
// judgement (seeds 000, 002). Values are plain text as described beside
// each key.
const (
	// SettingCompanyName is our company's legal name, as it signs letters.
	SettingCompanyName = "company.name"
	// SettingCompanyAddress is our postal address, lines separated by "\n".
	SettingCompanyAddress = "company.address"
	// SettingCompanySigner is the person who signs letters and plans.
	SettingCompanySigner = "company.signer"
	// SettingCompanySignerTitle is the signer's job title.
	SettingCompanySignerTitle = "company.signer_title"
	// SettingCompanyEmail is the contact email printed on letters.
	SettingCompanyEmail = "company.email"
	// SettingCompanyPhone is the contact phone number printed on letters.
	SettingCompanyPhone = "company.phone"
	// SettingLabourCostPerHour is the loaded labour cost of one technician
	// hour in minor units of the portfolio currency, e.g. "7200" for 72.00.
	SettingLabourCostPerHour = "labour.cost_per_hour"
	// SettingBusinessHours is the working day as "HH:MM-HH:MM", e.g.
	// "08:00-18:00"; a ticket opened outside it is after hours.
	SettingBusinessHours = "business.hours"
	// SettingBusinessDays is the working week as a weekday range, e.g.
	// "Mon-Fri".
	SettingBusinessDays = "business.days"
	// SettingBusinessTimeZone is our own IANA time zone, e.g.
	// "America/New_York"; a client's hours are judged in the client's zone.
	SettingBusinessTimeZone = "business.time_zone"
	// SettingBusinessTechnicians is how many technicians share the work,
	// e.g. "4"; the what-if shares the hours a client frees among them.
	SettingBusinessTechnicians = "business.technicians"
	// SettingCalendarRegion is the region whose public holidays close the
	// business, e.g. "US" or "AU-NSW"; letters' dates fall on working days.
	SettingCalendarRegion = "calendar.region"
	// SettingCalendarClosed lists the business's own closed days as
	// YYYY-MM-DD separated by commas.
	SettingCalendarClosed = "calendar.closed"
	// SettingDemoSeed marks a database written by the demo generator and
	// holds its seed, so the demo never overwrites a real database.
	SettingDemoSeed = "demo.seed"
	// SettingDemoAsOf is the demo's last day of history, "YYYY-MM-DD".
	SettingDemoAsOf = "demo.as_of"
)
