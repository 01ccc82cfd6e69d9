// Losant Enterprise instance organizations and their members, as code.
package losant
