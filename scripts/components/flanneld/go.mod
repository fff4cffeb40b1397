module kubeferry.local/flanneld

go 1.17

require github.com/flannel-io/flannel v0.17.0

// flannel v0.17.0's own replace directives (a dependency's replace directives do not apply).
replace (
	github.com/dgrijalva/jwt-go => github.com/golang-jwt/jwt/v4 v4.2.0
	google.golang.org/grpc => google.golang.org/grpc v1.29.0
)
