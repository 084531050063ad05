package importer

// securityPresets are the reports that hold a client's security posture:
// the RMM tools' device and patch reports, one device (or one patch of a
// device) a row, and the identity provider's MFA registration report, one
// account a row. Each is gathered into a snapshot per client (see
// securityTally). The RMM tools publish their grids' columns in their own
// help, behind a login; the names here are the grids' column titles, with
// the variants their exports and APIs use.
var securityPresets = []*Preset{
	{
		Name: "ninjaone-devices", Tool: "NinjaOne", Kind: KindSecurity,
		Columns: []Column{
			req("device", "Display Name", "Device Name", "System Name", "Device"),
			req("client", "Organization", "Organization Name"),
			col("taken", "Last Contact", "Last Seen", "Last Update"),
			col("os", "OS Name", "Operating System", "OS"),
			col("patch_status", "Patch Status", "OS Patch Status", "Status"),
			col("missing_patches", "Pending Patches", "Pending OS Patches"),
			col("backup_status", "Backup Status", "Last Backup Status"),
		},
		Note: "the device list or the OS patch report (a row per patch): a device is patched when none of its patches is pending, approved or failed",
	},
	{
		Name: "datto-rmm-devices", Tool: "Datto RMM", Kind: KindSecurity,
		Columns: []Column{
			req("device", "Hostname", "Device Hostname"),
			req("client", "Site Name", "Site"),
			col("taken", "Last Seen", "Last Audit"),
			col("os", "Operating System", "OS"),
			col("patch_status", "Patch Status"),
			col("missing_patches", "Patches Approved Pending", "Approved Pending"),
			col("backup_status", "Backup Status"),
		},
		Note: "the device list or device audit: Patch Status (Fully Patched, Approved Pending, Install Error, Reboot Required, No Policy, No Data) per device",
	},
	{
		Name: "nable-devices", Tool: "N-able N-central / N-sight", Kind: KindSecurity,
		Columns: []Column{
			req("device", "Device Name", "Device"),
			req("client", "Customer", "Customer Name", "Client"),
			col("taken", "Last Check-in", "Last Scan", "Last Response"),
			col("os", "OS", "Operating System"),
			col("patch_status", "Patch Status"),
			col("missing_patches", "Missing Patches", "Patches Missing", "Missing"),
			col("backup_status", "Backup Status"),
		},
		Note: "the patch status or device report: a device is patched when it misses no patches",
	},
	{
		Name: "entra-mfa-registration", Tool: "Microsoft Entra ID / 365", Kind: KindSecurity,
		Columns: []Column{
			req("account", "userPrincipalName", "User principal name"),
			req("mfa", "isMfaRegistered", "MFA Registered", "Multifactor authentication registered",
				"isMfaCapable", "MFA Capable", "Multifactor authentication capable"),
			col("account_type", "userType", "User type"),
			col("taken", "lastUpdatedDateTime", "Last Updated Time"),
			col("client", "Client", "Company"),
		},
		Note: "User registration details: no client column, so each account's client is found by its domain (client_domains in a mapping, else the clients' contact emails), or named with --client",
	},
}
