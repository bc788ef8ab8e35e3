// Log Analytics (the container apps' console logs: the bot's JSON log lines on stdout) and a
// workspace-based Application Insights resource (the Azure Bot's channel telemetry, kept in the
// same workspace). The bot sends nothing to Application Insights itself.

param workspaceName string
param appInsightsName string
param location string

@description('Days the workspace keeps logs.')
param retentionInDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output workspaceName string = workspace.name
output appInsightsName string = appInsights.name
