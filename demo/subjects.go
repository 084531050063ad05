package demo

// subject is a help-desk subject as it arrives in a PSA queue, with the
// category a technician files it under; %s in text is a staff member's
// first name where the subject has one.
type subject struct {
	text, category string
}

// subjects are the everyday tickets of a managed client. Their categories
// are those of a typical PSA board, so that the user-support ones
// (importer.UserSupport) follow from the subject drawn and draw nothing
// more from the seed.
var subjects = []subject{
	{"Password reset for %s", "Password reset"},
	{"%s locked out of Microsoft 365", "User account"},
	{"Outlook not syncing on %s's laptop", "End user support"},
	{"New hire onboarding: account and laptop for %s", "Onboarding"},
	{"Offboarding: disable accounts for %s", "User account"},
	{"Printer on second floor offline", "Printer"},
	{"Scanner not sending to email", "Printer"},
	{"VPN disconnects every few minutes", "Network"},
	{"Wi-Fi slow in conference room", "Network"},
	{"Phishing email reported by %s", "Security"},
	{"MFA prompt not arriving on %s's phone", "User account"},
	{"Shared drive mapping missing after update", "Server"},
	{"Teams audio cutting out in meetings", "End user support"},
	{"Laptop will not boot after Windows update", "Hardware"},
	{"Replace failing SSD in front desk PC", "Hardware"},
	{"Request: install Adobe Acrobat for %s", "Software"},
	{"QuickBooks company file will not open", "Line of business"},
	{"Backup job warning on file server", "Backup"},
	{"Firewall alert: blocked outbound connection", "Security"},
	{"Mailbox full for %s", "Email"},
	{"Calendar permissions for %s", "Access request"},
	{"Monitor flickering at reception", "Hardware"},
	{"Phone system voicemail not emailing", "Telephony"},
	{"Antivirus detection quarantined a file", "Security"},
	{"Set up new docking station for %s", "Hardware"},
	{"Excel crashes when opening large workbook", "How to"},
	{"SharePoint site access request", "Access request"},
	{"Door badge reader offline", "Facilities"},
	{"Domain certificate renewal reminder", "Maintenance"},
	{"Line-of-business app update", "Line of business"},
}

// outOfScopeSubjects are requests outside a managed-services agreement:
// the favours that become expectations (seed 003, scope creep). The ones
// for the owner's family or staff's skills are user support as well.
var outOfScopeSubjects = []subject{
	{"Set up owner's home smart TV and soundbar", "Project"},
	{"Configure personal iPhone for owner's daughter", "End user device"},
	{"Build a payroll macro in Excel", "Project"},
	{"Design new company website landing page", "Project"},
	{"Fix owner's home Wi-Fi extender", "Project"},
	{"Research and buy a new coffee machine with app control", "Procurement"},
	{"Set up Shopify storefront and product catalogue", "Project"},
	{"Train staff on Canva for social media posts", "Training"},
	{"Recover photos from owner's personal camera card", "End user device"},
	{"Install gaming PC for owner's son", "Project"},
	{"Move family photos to personal iCloud", "End user device"},
	{"Troubleshoot vendor's own software licence portal", "Vendor"},
	{"Wire new office furniture power and USB hubs", "Facilities"},
	{"Create marketing email campaign in Mailchimp", "Project"},
}

// ticketNotes describe reactive work in a time entry.
var ticketNotes = []string{
	"Remote session; resolved and confirmed with user",
	"Investigated logs; applied fix",
	"Called user; walked through steps",
	"Escalated to vendor; follow-up scheduled",
	"Onsite visit",
	"Reconfigured and tested",
	"Documented in client runbook",
	"",
}

// proactiveNotes describe managed work not tied to a ticket.
var proactiveNotes = []string{
	"Monthly patch review and approvals",
	"Backup restore test",
	"Quarterly business review preparation",
	"Vulnerability scan review",
	"License true-up and documentation",
	"Firewall firmware update",
	"Microsoft 365 security score review",
	"Asset inventory update",
}

// upgradeTitles are recommendations an MSP proposes to a healthy client.
var upgradeTitles = []struct {
	title    string
	estimate int64 // minor units
}{
	{"Replace Windows 10 workstations before end of support", 1850000},
	{"Upgrade firewall to a current supported model", 420000},
	{"Move file server shares to SharePoint Online", 640000},
	{"Microsoft 365 Business Premium (Intune and Defender)", 96000},
	{"Add immutable cloud backup", 180000},
	{"Security awareness training for all staff", 75000},
	{"Replace 2017 NAS with supported storage", 310000},
	{"Wi-Fi 6 access points for the main office", 260000},
}
