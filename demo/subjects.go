package demo

// Help-desk subjects as they arrive in a PSA queue; %s is a staff member's
// first name where the subject has one.
var subjects = []string{
	"Password reset for %s",
	"%s locked out of Microsoft 365",
	"Outlook not syncing on %s's laptop",
	"New hire onboarding: account and laptop for %s",
	"Offboarding: disable accounts for %s",
	"Printer on second floor offline",
	"Scanner not sending to email",
	"VPN disconnects every few minutes",
	"Wi-Fi slow in conference room",
	"Phishing email reported by %s",
	"MFA prompt not arriving on %s's phone",
	"Shared drive mapping missing after update",
	"Teams audio cutting out in meetings",
	"Laptop will not boot after Windows update",
	"Replace failing SSD in front desk PC",
	"Request: install Adobe Acrobat for %s",
	"QuickBooks company file will not open",
	"Backup job warning on file server",
	"Firewall alert: blocked outbound connection",
	"Mailbox full for %s",
	"Calendar permissions for %s",
	"Monitor flickering at reception",
	"Phone system voicemail not emailing",
	"Antivirus detection quarantined a file",
	"Set up new docking station for %s",
	"Excel crashes when opening large workbook",
	"SharePoint site access request",
	"Door badge reader offline",
	"Domain certificate renewal reminder",
	"Line-of-business app update",
}

// outOfScopeSubjects are requests outside a managed-services agreement:
// the favours that become expectations (seed 003, scope creep).
var outOfScopeSubjects = []string{
	"Set up owner's home smart TV and soundbar",
	"Configure personal iPhone for owner's daughter",
	"Build a payroll macro in Excel",
	"Design new company website landing page",
	"Fix owner's home Wi-Fi extender",
	"Research and buy a new coffee machine with app control",
	"Set up Shopify storefront and product catalogue",
	"Train staff on Canva for social media posts",
	"Recover photos from owner's personal camera card",
	"Install gaming PC for owner's son",
	"Move family photos to personal iCloud",
	"Troubleshoot vendor's own software licence portal",
	"Wire new office furniture power and USB hubs",
	"Create marketing email campaign in Mailchimp",
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
